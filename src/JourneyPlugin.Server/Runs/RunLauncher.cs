using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Campaigns.Audience;
using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Server.Configuration;
using JourneyPlugin.Server.Journeys;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Server.Runs;

/// <summary>
/// <c>POST /api/runs</c>: stores the uploaded audience under <c>data/audiences/</c>, checks the
/// journey and the audience, and starts the run grain. Whatever is refused leaves nothing behind.
/// </summary>
internal sealed partial class RunLauncher(
    AudienceUploadReader uploads,
    JourneyDefinitionCatalog catalog,
    IGrainFactory grains,
    RunReader reader,
    IOptions<ServerOptions> server,
    TimeProvider clock,
    ILogger<RunLauncher> logger)
{
    public async Task<IResult> StartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var runId = "run-" + Guid.CreateVersion7(clock.GetUtcNow()).ToString("N");
        var directory = Path.GetFullPath(Path.Combine(server.Value.DataDirectory, "audiences"));
        Directory.CreateDirectory(directory);
        var tempPath = Path.Combine(directory, runId + ".upload");
        string? audiencePath = null;
        try
        {
            AudienceUpload upload;
            try
            {
                upload = await uploads.ReadAsync(request, tempPath, cancellationToken).ConfigureAwait(false);
            }
            catch (AudienceUploadException e)
            {
                return e.StatusCode == StatusCodes.Status400BadRequest
                    ? FieldProblem.Invalid(e.Field, e.Message)
                    : TypedResults.Problem(statusCode: e.StatusCode, title: e.Title, detail: e.Message, extensions: Field(e.Field));
            }

            if (string.IsNullOrEmpty(upload.JourneyId))
            {
                return FieldProblem.Invalid(AudienceUploadReader.JourneyIdField, $"'{AudienceUploadReader.JourneyIdField}' is required: the definition id of the journey to run (see GET /api/journeys).");
            }

            if (upload.TempPath is null)
            {
                return FieldProblem.Invalid(AudienceUploadReader.AudienceField, $"'{AudienceUploadReader.AudienceField}' is required: a CSV file with a header row and a phone column, or JSON lines with a phone property.");
            }

            // The catalogue's verdict, the same the trigger endpoint uses: a journey saved with errors cannot run.
            var validation = await catalog.ValidateAsync(upload.JourneyId, cancellationToken).ConfigureAwait(false);
            if (validation is null)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "Unknown journey",
                    detail: $"'{AudienceUploadReader.JourneyIdField}': there is no journey '{upload.JourneyId}' (see GET /api/journeys).",
                    extensions: Field(AudienceUploadReader.JourneyIdField));
            }

            if (!validation.IsValid || catalog.Find(upload.JourneyId)?.Workflow is not { } workflow)
            {
                var problem = JourneyProblems.CannotRun(upload.JourneyId, validation);
                problem.ProblemDetails.Detail = $"'{AudienceUploadReader.JourneyIdField}': {problem.ProblemDetails.Detail}";
                problem.ProblemDetails.Extensions["field"] = AudienceUploadReader.JourneyIdField;
                return problem;
            }

            AudienceFormat format;
            try
            {
                format = await AudienceCheck.CheckAsync(upload.TempPath, upload.FileName!, cancellationToken).ConfigureAwait(false);
            }
            catch (AudienceFormatException e)
            {
                var errors = new Dictionary<string, string[]> { [AudienceUploadReader.AudienceField] = [e.Message] };
                var extensions = new Dictionary<string, object?> { ["field"] = AudienceUploadReader.AudienceField };
                if (e.RowNumber is { } row)
                {
                    extensions["row"] = row;
                }

                return TypedResults.ValidationProblem(errors, detail: $"'{AudienceUploadReader.AudienceField}': {e.Message}", title: "The audience file cannot be used", extensions: extensions);
            }

            audiencePath = Path.Combine(directory, runId + (format == AudienceFormat.JsonLines ? ".jsonl" : ".csv"));
            File.Move(upload.TempPath, audiencePath);
            var name = string.IsNullOrWhiteSpace(upload.Name) ? $"{workflow.Definition.Name ?? workflow.DefinitionId} – {upload.FileName}" : upload.Name;
            await grains.GetGrain<ICampaignRunGrain>(runId).StartAsync(new CampaignStartRequest
            {
                DefinitionId = workflow.DefinitionId,
                Name = name,
                AudiencePath = audiencePath,
            }).ConfigureAwait(false);
            Log.Started(logger, runId, workflow.DefinitionId, upload.Bytes);
            audiencePath = null;
            var run = await reader.GetAsync(runId, cancellationToken).ConfigureAwait(false);
            return TypedResults.Created($"/api/runs/{Uri.EscapeDataString(runId)}", run);
        }
        finally
        {
            // A refused upload changes nothing: neither file stays.
            File.Delete(tempPath);
            if (audiencePath is not null)
            {
                File.Delete(audiencePath);
            }
        }
    }

    private static Dictionary<string, object?> Field(string field) => new() { ["field"] = field };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Run {RunId} of journey {DefinitionId} started with an audience of {Bytes} bytes")]
        public static partial void Started(ILogger logger, string runId, string definitionId, long bytes);
    }
}

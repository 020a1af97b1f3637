using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Workflows.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JourneyPlugin.Server.Runs;

/// <summary>
/// <c>/api/runs</c>: start a campaign over an uploaded audience, list and read runs with their funnels,
/// pause, resume and cancel them, and look into their journey instances.
/// </summary>
internal static class RunEndpoints
{
    public static RouteGroupBuilder MapRuns(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/runs").WithTags("Runs");
        runs.MapPost("/", (HttpRequest request, RunLauncher launcher, CancellationToken cancellationToken) => launcher.StartAsync(request, cancellationToken))
            .WithName("StartRun")
            .DisableAntiforgery()
            .Produces<RunResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        runs.MapGet("/", ListAsync).WithName("ListRuns").Produces<List<RunResponse>>().ProducesValidationProblem();
        runs.MapGet("/{id}", GetAsync).WithName("GetRun").Produces<RunResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        MapCommand(runs, "pause", RunStatus.Paused, g => g.PauseAsync());
        MapCommand(runs, "resume", RunStatus.Running, g => g.ResumeAsync());
        MapCommand(runs, "cancel", RunStatus.Cancelled, g => g.CancelAsync());
        runs.MapGet("/{id}/instances", ListInstancesAsync)
            .WithName("ListRunInstances")
            .Produces<List<InstanceSummaryResponse>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet("/{id}/rejected-rows", ListRejectedRowsAsync)
            .WithName("ListRejectedRows")
            .Produces<List<RejectedRowResponse>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Instance ids are "<run>/<customer>": the catch-all takes the slash, raw or escaped.
        api.MapGet("/instances/{**instanceId}", GetInstanceAsync)
            .WithTags("Runs")
            .WithName("GetInstance")
            .Produces<InstanceResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(string? skip, string? take, RunReader reader, CancellationToken cancellationToken)
    {
        if (Paging.TryRead(skip, take, 50, out var paging) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(await reader.ListAsync(paging.Skip, paging.Take, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IResult> GetAsync(string id, RunReader reader, CancellationToken cancellationToken) =>
        await reader.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } run ? TypedResults.Ok(run) : UnknownRun(id);

    private static void MapCommand(RouteGroupBuilder runs, string verb, RunStatus target, Func<ICampaignRunGrain, Task<CampaignRunSnapshot>> command) =>
        runs.MapPost($"/{{id}}/{verb}", async Task<IResult> (string id, IRunStore store, IGrainFactory grains, RunReader reader, CancellationToken cancellationToken) =>
            {
                if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } run)
                {
                    return UnknownRun(id);
                }

                // The grain ignores a command its status does not allow; the API says so instead.
                if (!RunStatusTransitions.IsAllowed(run.Status, target))
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status409Conflict,
                        title: "Invalid run transition",
                        detail: $"Run '{id}' is {run.Status}: it cannot {verb} (it can go from {run.Status} to {Allowed(run.Status)}).",
                        extensions: new Dictionary<string, object?> { ["runStatus"] = run.Status.ToString() });
                }

                await command(grains.GetGrain<ICampaignRunGrain>(id)).ConfigureAwait(false);
                return TypedResults.Ok(await reader.GetAsync(id, cancellationToken).ConfigureAwait(false));
            })
            .WithName(char.ToUpperInvariant(verb[0]) + verb[1..] + "Run")
            .Produces<RunResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static string Allowed(RunStatus from)
    {
        var targets = Enum.GetValues<RunStatus>().Where(to => to != from && RunStatusTransitions.IsAllowed(from, to)).ToList();
        return targets.Count == 0 ? "nothing: it is final" : string.Join(" or ", targets);
    }

    private static async Task<IResult> ListInstancesAsync(string id, string? skip, string? take, string? status, IRunStore store, InstanceReader reader, CancellationToken cancellationToken)
    {
        if (Paging.TryRead(skip, take, 50, out var paging) is { } invalid)
        {
            return invalid;
        }

        string? statusName = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<WorkflowStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(status[0]))
            {
                return FieldProblem.Invalid("status", $"'status' must be one of {string.Join(", ", Enum.GetNames<WorkflowStatus>())}, not '{status}'.");
            }

            statusName = parsed.ToString();
        }

        if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return UnknownRun(id);
        }

        return TypedResults.Ok(await reader.ListAsync(id, statusName, paging.Skip, paging.Take, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IResult> ListRejectedRowsAsync(string id, string? skip, string? take, IRunStore store, CancellationToken cancellationToken)
    {
        if (Paging.TryRead(skip, take, 100, out var paging) is { } invalid)
        {
            return invalid;
        }

        if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return UnknownRun(id);
        }

        var rows = await store.ListRejectedRowsAsync(id, paging.Skip, paging.Take, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(rows.Select(r => new RejectedRowResponse(r.RowNumber, r.Reason, r.RecordedAt)).ToList());
    }

    private static async Task<IResult> GetInstanceAsync(string instanceId, InstanceReader reader, CancellationToken cancellationToken)
    {
        var id = Uri.UnescapeDataString(instanceId);
        return await reader.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } instance
            ? TypedResults.Ok(instance)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown instance", detail: $"There is no journey instance '{id}'.");
    }

    private static ProblemHttpResult UnknownRun(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown run", detail: $"There is no run '{id}' (see GET /api/runs).");
}

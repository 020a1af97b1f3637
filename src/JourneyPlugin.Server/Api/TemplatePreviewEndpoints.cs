using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Server.Journeys;
using JourneyPlugin.Workflows.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JourneyPlugin.Server.Api;

/// <summary>
/// <c>POST /api/templates/preview</c>: renders a message template with the journeys' own sandboxed renderer against a
/// sample profile, so the designer shows exactly what a customer would read.
/// </summary>
internal static class TemplatePreviewEndpoints
{
    public static RouteGroupBuilder MapTemplatePreview(this RouteGroupBuilder api)
    {
        api.MapPost("/templates/preview", PreviewAsync)
            .WithName("PreviewTemplate")
            .WithTags("Designer");
        return api;
    }

    private static async Task<Results<Ok<TemplatePreview>, ProblemHttpResult, ValidationProblem>> PreviewAsync(
        HttpRequest request, ITemplateRenderer renderer, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonRequestBody.ReadObjectAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var template = body["template"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
        if (template is null)
        {
            errors["template"] = ["is required: the template text, e.g. \"Hi {{ customer.first_name }}\""];
        }

        var syntax = TemplateSyntax.Scriban;
        switch (body["syntax"] is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>().ToUpperInvariant() : body["syntax"] is null ? "SCRIBAN" : null)
        {
            case "SCRIBAN":
                break;
            case "LIQUID":
                syntax = TemplateSyntax.Liquid;
                break;
            default:
                errors["syntax"] = ["must be \"scriban\" or \"liquid\""];
                break;
        }

        var customer = ObjectOrEmpty(body, "customer", errors);
        var variables = ObjectOrEmpty(body, "variables", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The preview request is invalid");
        }

        if (renderer.Check(template!, syntax) is [var first, ..] diagnostics)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The template has syntax errors",
                detail: $"line {first.Line}, column {first.Column}: {first.Message}",
                extensions: new Dictionary<string, object?>
                {
                    ["line"] = first.Line,
                    ["column"] = first.Column,
                    ["errors"] = diagnostics,
                });
        }

        try
        {
            var model = new ExpressionModel { Customer = customer, Variables = variables.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal) };
            return TypedResults.Ok(new TemplatePreview(await renderer.RenderAsync(template!, syntax, model, cancellationToken).ConfigureAwait(false)));
        }
        catch (TemplateRenderException e)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The template could not be rendered",
                detail: e.Line is { } line ? $"line {line}, column {e.Column}: {e.Message}" : e.Message,
                extensions: new Dictionary<string, object?> { ["line"] = e.Line, ["column"] = e.Column, ["kind"] = e.Kind.ToString() });
        }
    }

    private static JsonObject ObjectOrEmpty(JsonObject body, string field, Dictionary<string, string[]> errors)
    {
        switch (body[field])
        {
            case null:
                return [];
            case JsonObject value:
                return (JsonObject)value.DeepClone();
            default:
                errors[field] = ["must be a JSON object"];
                return [];
        }
    }
}

/// <summary>A rendered template.</summary>
/// <param name="Text">What the customer would read.</param>
internal sealed record TemplatePreview(string Text);

using Scalar.AspNetCore;

namespace JourneyPlugin.Server.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and a browsable API reference at <c>/reference</c>.</summary>
internal static class ApiReferenceEndpoints
{
    /// <summary>The path of the browsable reference.</summary>
    public const string ReferencePath = "/reference";

    /// <summary>The path of the OpenAPI document.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddJourneyPluginOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "JourneyPlugin";
            document.Info.Description = "WhatsApp for customer journeys: connections, journeys (Elsa 3 JSON), campaign runs, triggers and Infobip webhooks. "
                + "When the server listens beyond loopback, every /api route needs 'Authorization: Bearer <token>'.";
            return Task.CompletedTask;
        }));

    public static IEndpointRouteBuilder MapJourneyPluginApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        endpoints.MapScalarApiReference(ReferencePath, o => o
            .WithTitle("JourneyPlugin API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return endpoints;
    }
}

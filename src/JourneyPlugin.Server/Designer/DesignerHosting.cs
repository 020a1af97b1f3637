using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace JourneyPlugin.Server.Designer;

/// <summary>
/// Serves the journey designer (built from src/JourneyPlugin.Designer into designer/ next to the server) at <c>/</c>:
/// its static files, and index.html for any other GET outside the API, the webhooks and the health check, so the
/// designer's own routes (<c>/journeys/welcome-offer</c>) survive a reload.
/// </summary>
internal static class DesignerHosting
{
    /// <summary>Path prefixes that never fall back to the designer: unknown API routes stay 404 problem details.</summary>
    private static readonly string[] ReservedPrefixes = ["/api", "/webhooks", "/health", "/openapi", "/reference"];

    /// <summary>The folder the .NET build copies the designer to.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "designer");

    public static WebApplication MapJourneyPluginDesigner(this WebApplication app)
    {
        var directory = DefaultDirectory;
        var index = Path.Combine(directory, "index.html");
        if (!File.Exists(index))
        {
            app.MapGet("/", () => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "The designer is not built",
                detail: $"No designer at {directory}. Build the server with Node.js 20+ and npm on the PATH (dotnet build src/JourneyPlugin.Server)."));
            return app;
        }

        var files = new PhysicalFileProvider(directory);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Vite fingerprints everything under assets/: cache it for good; index.html is always revalidated.
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] =
                context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache",
        });
        app.MapFallback(async context =>
        {
            var path = context.Request.Path;
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                || ReservedPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"), context.RequestAborted).ConfigureAwait(false);
        });
        return app;
    }
}

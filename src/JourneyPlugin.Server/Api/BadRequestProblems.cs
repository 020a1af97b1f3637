
namespace JourneyPlugin.Server.Api;

/// <summary>Bad requests the framework itself detects, answered as problems that say what is wrong.</summary>
internal static class BadRequestProblems
{
    /// <summary>
    /// Binding failures of minimal APIs always throw (also outside Development), so <see cref="BadRequestExceptionHandler"/>
    /// answers them with the reason; a 415 from routing (a route that declares a JSON body) gets a detail too.
    /// </summary>
    public static IServiceCollection AddBadRequestProblems(this IServiceCollection services)
    {
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.PostConfigure<ProblemDetailsOptions>(o =>
        {
            var customize = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = context =>
            {
                customize?.Invoke(context);
                if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && context.ProblemDetails.Detail is null)
                {
                    context.ProblemDetails.Detail = $"Send the body as JSON ('Content-Type: application/json'), not '{context.HttpContext.Request.ContentType ?? "none"}'.";
                }
            };
        });
        return services;
    }
}

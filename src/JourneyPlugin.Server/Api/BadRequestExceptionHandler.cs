using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace JourneyPlugin.Server.Api;

/// <summary>
/// Answers a <see cref="BadHttpRequestException"/> — a body the framework could not bind (broken JSON, wrong content
/// type), a body over Kestrel's limit — with its own status code as a problem naming the reason, instead of the
/// exception handler's 500. Handled exceptions are not logged as errors: they are the caller's mistake.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var json = bad.InnerException as JsonException;
        var problem = new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode switch
            {
                StatusCodes.Status400BadRequest when json is not null => "Malformed JSON",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
                StatusCodes.Status413PayloadTooLarge => "The body is too large",
                _ => "Bad request",
            },
            // The framework's messages name the parameter, the JSON path and position; they never quote the body.
            Detail = json is null ? bad.Message : $"{bad.Message} {json.Message}",
        };
        if (json?.Path is { } path)
        {
            problem.Extensions["jsonPath"] = path;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }).ConfigureAwait(false);
    }
}

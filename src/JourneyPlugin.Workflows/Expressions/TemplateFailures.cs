using System.Globalization;
using System.Text.RegularExpressions;
using Scriban.Parsing;
using Scriban.Syntax;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>Turns parser messages and Scriban's runtime exceptions into <see cref="TemplateRenderException"/>s that say which limit was broken, and where.</summary>
internal static class TemplateFailures
{
    public static TemplateRenderException Syntax(IReadOnlyList<TemplateDiagnostic> diagnostics, string subject)
    {
        var first = diagnostics[0];
        var more = diagnostics.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" ({diagnostics.Count - 1} more)") : string.Empty;
        return new TemplateRenderException(
            TemplateFailureKind.Syntax,
            string.Create(CultureInfo.InvariantCulture, $"The {subject} has a syntax error at line {first.Line}, column {first.Column}: {first.Message}{more}"),
            first.Line,
            first.Column);
    }

    /// <summary>Translates what a render threw.</summary>
    /// <param name="exception">What Scriban (or the sandbox) threw.</param>
    /// <param name="context">The context that ran, for the loop that was running.</param>
    /// <param name="options">The limits in force, for the message.</param>
    /// <param name="compiled">What was running, for the column shift of Liquid expressions.</param>
    /// <param name="operation">"Rendering" or "Evaluating the expression".</param>
    /// <param name="cancellationToken">The caller's token: if it fired, the caller gets an <see cref="OperationCanceledException"/>.</param>
    public static Exception Translate(Exception exception, SandboxedTemplateContext context, TemplateOptions options, CompiledTemplate compiled, string operation, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException($"{operation} was canceled.", exception, cancellationToken);
        }

        ScriptRuntimeException? located = null;
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case TemplateLimitException limit:
                    return Create(limit.Kind, limit.OriginalMessage, limit.Span, compiled, exception);
                case ScriptAbortException abort:
                    return Create(TemplateFailureKind.TimeLimit, $"{operation} took longer than {Format(options.Timeout)}", context.RunningLoop ?? abort.Span, compiled, exception);
                case RegexMatchTimeoutException:
                    return Create(TemplateFailureKind.TimeLimit, $"{operation} took longer than {Format(options.Timeout)}", context.RunningLoop ?? located?.Span, compiled, exception);
                case ScriptRuntimeException runtime:
                    located ??= runtime;
                    break;
            }
        }

        if (located is null)
        {
            return new TemplateRenderException(TemplateFailureKind.Runtime, $"The template failed: {exception.Message}", innerException: exception);
        }

        // Scriban reports its own limits as plain runtime errors; these are its 7.x messages.
        var message = located.OriginalMessage;
        if (message.Contains("iteration limit", StringComparison.Ordinal) || message.Contains("exceeds LoopLimit", StringComparison.Ordinal))
        {
            return Create(TemplateFailureKind.LoopLimit, string.Create(CultureInfo.InvariantCulture, $"The template ran more than {options.LoopLimit} loop iterations"), located.Span, compiled, exception);
        }

        if (message.Contains("recursive depth limit", StringComparison.Ordinal))
        {
            return Create(TemplateFailureKind.RecursionLimit, string.Create(CultureInfo.InvariantCulture, $"The template nested function calls more than {options.RecursionLimit} levels deep"), located.Span, compiled, exception);
        }

        if (message.Contains("LimitToString", StringComparison.Ordinal))
        {
            return Create(TemplateFailureKind.OutputLimit, string.Create(CultureInfo.InvariantCulture, $"A text value would exceed {options.MaxOutputLength} characters"), located.Span, compiled, exception);
        }

        var (line, column) = Locate(located.Span, compiled);
        return new TemplateRenderException(
            TemplateFailureKind.Runtime,
            string.Create(CultureInfo.InvariantCulture, $"The template failed at line {line}, column {column}: {message}"),
            line,
            column,
            exception);
    }

    private static TemplateRenderException Create(TemplateFailureKind kind, string message, SourceSpan? span, CompiledTemplate compiled, Exception exception)
    {
        if (span is not { } known)
        {
            return new TemplateRenderException(kind, message + ".", innerException: exception);
        }

        var (line, column) = Locate(known, compiled);
        return new TemplateRenderException(kind, string.Create(CultureInfo.InvariantCulture, $"{message} (line {line}, column {column})."), line, column, exception);
    }

    private static (int Line, int Column) Locate(SourceSpan span, CompiledTemplate compiled)
        => TextPositions.ToAuthorPosition(span.Start, compiled.Text, compiled.ColumnShift);

    private static string Format(TimeSpan duration)
        => duration.Ticks % TimeSpan.TicksPerSecond == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalSeconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.###} ms");
}

using Scriban.Parsing;
using Scriban.Syntax;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>
/// A sandbox limit broken while Scriban runs. It derives from <see cref="ScriptRuntimeException"/> so that Scriban
/// passes it through unchanged instead of wrapping it.
/// </summary>
internal sealed class TemplateLimitException : ScriptRuntimeException
{
    public TemplateLimitException(TemplateFailureKind kind, SourceSpan span, string message)
        : base(span, message)
    {
        Kind = kind;
    }

    public TemplateFailureKind Kind { get; }
}

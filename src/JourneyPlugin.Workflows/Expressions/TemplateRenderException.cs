namespace JourneyPlugin.Workflows.Expressions;

/// <summary>A template or expression could not be rendered: it does not parse, broke a limit or failed while running.</summary>
public sealed class TemplateRenderException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="TemplateRenderException"/> class.</summary>
    public TemplateRenderException()
        : this(TemplateFailureKind.Runtime, "The template could not be rendered.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TemplateRenderException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    public TemplateRenderException(string message)
        : this(TemplateFailureKind.Runtime, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TemplateRenderException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public TemplateRenderException(string message, Exception? innerException)
        : this(TemplateFailureKind.Runtime, message, line: null, column: null, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TemplateRenderException"/> class.</summary>
    /// <param name="kind">Why the template could not be rendered.</param>
    /// <param name="message">What went wrong, and where.</param>
    /// <param name="line">The 1-based line of the problem, if known.</param>
    /// <param name="column">The 1-based column of the problem, if known.</param>
    /// <param name="innerException">The cause.</param>
    public TemplateRenderException(TemplateFailureKind kind, string message, int? line = null, int? column = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    /// <summary>Why the template could not be rendered.</summary>
    public TemplateFailureKind Kind { get; }

    /// <summary>The 1-based line of the problem, if known.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column of the problem, if known.</summary>
    public int? Column { get; }
}

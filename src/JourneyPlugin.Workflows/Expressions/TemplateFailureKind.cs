namespace JourneyPlugin.Workflows.Expressions;

/// <summary>Why a template could not be rendered.</summary>
public enum TemplateFailureKind
{
    /// <summary>The template does not parse.</summary>
    Syntax,

    /// <summary>The template ran more loop iterations than <see cref="TemplateOptions.LoopLimit"/> allows.</summary>
    LoopLimit,

    /// <summary>The template nested function calls deeper than <see cref="TemplateOptions.RecursionLimit"/> allows.</summary>
    RecursionLimit,

    /// <summary>The output, or a text value built by the template, would exceed <see cref="TemplateOptions.MaxOutputLength"/>.</summary>
    OutputLimit,

    /// <summary>The template ran longer than <see cref="TemplateOptions.Timeout"/>.</summary>
    TimeLimit,

    /// <summary>The template failed while running, for example by calling a function that does not exist.</summary>
    Runtime,
}

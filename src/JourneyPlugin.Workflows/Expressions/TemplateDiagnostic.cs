namespace JourneyPlugin.Workflows.Expressions;

/// <summary>A syntax problem in a template or expression.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="Message">What is wrong, as the parser says it.</param>
public sealed record TemplateDiagnostic(int Line, int Column, string Message);

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>Whether a cached text is a template or a bare expression: the same text parses differently.</summary>
internal enum CompiledTemplateKind
{
    Template,
    Expression,
}

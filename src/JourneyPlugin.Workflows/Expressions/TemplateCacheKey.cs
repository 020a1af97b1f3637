namespace JourneyPlugin.Workflows.Expressions;

/// <summary>Identifies a parsed template in the cache.</summary>
internal readonly record struct TemplateCacheKey(TemplateSyntax Syntax, CompiledTemplateKind Kind, string Text);

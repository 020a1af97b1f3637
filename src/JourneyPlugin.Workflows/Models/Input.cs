namespace JourneyPlugin.Workflows.Models;

/// <summary>An activity input: an expression the interpreter evaluates before the activity runs.</summary>
public abstract class Input
{
    private protected Input(Expression expression) => Expression = expression;

    /// <summary>What to evaluate.</summary>
    public Expression Expression { get; }

    /// <summary>The CLR type the value is converted to.</summary>
    public abstract Type ValueType { get; }
}

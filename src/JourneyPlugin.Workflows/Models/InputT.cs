using System.Text.Json;

namespace JourneyPlugin.Workflows.Models;

/// <summary>An input whose value is a <typeparamref name="T"/>; read it with <c>context.Get(input)</c>.</summary>
public sealed class Input<T> : Input
{
    /// <summary>An input with a literal value.</summary>
    public Input(T value)
        : base(Expression.Literal(JsonSerializer.SerializeToNode(value)))
    {
    }

    /// <summary>An input with an expression.</summary>
    public Input(Expression expression)
        : base(expression)
    {
    }

    /// <inheritdoc />
    public override Type ValueType => typeof(T);
}

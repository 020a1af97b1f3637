namespace JourneyPlugin.Workflows.Models;

/// <summary>An output whose value is a <typeparamref name="T"/>; set it with <c>context.Set(output, value)</c>.</summary>
public sealed class Output<T> : Output
{
    /// <inheritdoc />
    public override Type ValueType => typeof(T);
}

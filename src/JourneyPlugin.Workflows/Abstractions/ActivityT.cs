using JourneyPlugin.Workflows.Attributes;
using JourneyPlugin.Workflows.Models;

namespace JourneyPlugin.Workflows.Abstractions;

/// <summary>An activity with a <see cref="Result"/> output.</summary>
/// <typeparam name="T">The result type.</typeparam>
#pragma warning disable CA1716 // Elsa's name, kept so an adapter maps one to one.
public abstract class Activity<T> : Activity
#pragma warning restore CA1716
{
    /// <summary>The result; set it with <c>context.SetResult(value)</c>.</summary>
    [Output]
    public Output<T>? Result { get; set; }
}

namespace JourneyPlugin.Workflows.Descriptors;

/// <summary>An outgoing port (an outcome) of an activity.</summary>
/// <param name="Name">The outcome name.</param>
/// <param name="DisplayName">The label on the canvas.</param>
/// <param name="Type"><c>Flow</c> (Elsa also has <c>Embedded</c>).</param>
/// <param name="IsBrowsable">Whether the designer shows it.</param>
public sealed record PortDescriptor(string Name, string DisplayName, string Type = "Flow", bool IsBrowsable = true);

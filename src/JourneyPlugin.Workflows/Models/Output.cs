namespace JourneyPlugin.Workflows.Models;

/// <summary>An activity output; when bound to a variable, setting it sets the variable too.</summary>
public abstract class Output
{
    /// <summary>The variable the value is copied to (the file's <c>memoryReference.id</c>), if any.</summary>
    public string? VariableId { get; internal set; }

    /// <summary>The CLR type of the value.</summary>
    public abstract Type ValueType { get; }
}

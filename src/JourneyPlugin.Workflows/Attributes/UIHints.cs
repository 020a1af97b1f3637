namespace JourneyPlugin.Workflows.Attributes;

/// <summary>Elsa's editor names for inputs, plus the ones this product adds.</summary>
public static class UIHints
{
    public const string SingleLine = "singleline";
    public const string MultiLine = "multiline";
    public const string Checkbox = "checkbox";
    public const string Dropdown = "dropdown";
    public const string CodeEditor = "code-editor";
    public const string JsonEditor = "json-editor";
    public const string Dictionary = "dictionary";
    public const string DynamicOutcomes = "dynamic-outcomes";
    public const string VariablePicker = "variable-picker";
    public const string HttpStatusCodes = "http-status-codes";
    public const string MultiText = "multitext";

    /// <summary>A duration such as <c>PT24H</c> or <c>1.00:00:00</c>.</summary>
    public const string Duration = "duration";

    /// <summary>Picks a WhatsApp connection.</summary>
    public const string ConnectionPicker = "connection-picker";

    /// <summary>Picks a template of the connection's catalogue and fills its placeholders.</summary>
    public const string TemplatePicker = "template-picker";

    /// <summary>A Scriban template with highlighting and a live preview.</summary>
    public const string ScribanEditor = "scriban-editor";
}

using System.Text.Json;

namespace JourneyPlugin.Infobip.Sandbox.Validation;

/// <summary>Checks <c>TextContent</c>: <c>text</c> of 1 to 4096 characters, not blank.</summary>
internal static class TextContentRules
{
    public static ContentSummary Validate(JsonElement content, ValidationErrors errors) =>
        new(FieldRules.RequiredText(content, "text", "content.text", 1, 4096, errors));
}

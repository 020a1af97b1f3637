using System.Globalization;
using System.Text.Json;

namespace JourneyPlugin.Infobip.Sandbox.Validation;

/// <summary>
/// Checks <c>InteractiveButtonsContent</c>: body 1 to 1024 characters, 1 to 3 REPLY buttons with
/// unique ids of 1 to 256 characters and titles of 1 to 20, optional header and footer.
/// </summary>
internal static class InteractiveButtonsContentRules
{
    public static ContentSummary Validate(JsonElement content, ValidationErrors errors)
    {
        var body = InteractivePartsRules.Body(content, errors);
        InteractivePartsRules.Header(content, mediaAllowed: true, errors);
        InteractivePartsRules.Footer(content, errors);

        if (FieldRules.RequiredObject(content, "action", "content.action", errors) is { } action
            && FieldRules.RequiredArray(action, "buttons", "content.action.buttons", 1, 3, errors) is { } buttons)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var button in buttons.EnumerateArray())
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"content.action.buttons[{index++}]");
                if (button.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(path, "must be an object");
                    continue;
                }

                var type = FieldRules.RequiredText(button, "type", path + ".type", 1, 20, errors);
                if (type is not null && type != "REPLY")
                {
                    errors.Add(path + ".type", "must be REPLY");
                }

                var id = FieldRules.RequiredText(button, "id", path + ".id", 1, 256, errors);
                if (id is not null && !ids.Add(id))
                {
                    errors.Add(path + ".id", "must be unique");
                }

                FieldRules.RequiredText(button, "title", path + ".title", 1, 20, errors);
            }
        }

        return new ContentSummary(body);
    }
}

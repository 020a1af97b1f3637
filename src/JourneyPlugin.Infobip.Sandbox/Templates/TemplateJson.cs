using System.Text.Json.Nodes;

namespace JourneyPlugin.Infobip.Sandbox.Templates;

/// <summary>Writes templates in Infobip's <c>TemplateApiResponse</c> shape.</summary>
internal static class TemplateJson
{
    public static JsonObject ToJson(SandboxTemplate template)
    {
        var structure = new JsonObject();
        if (template.Structure.Header is { } header)
        {
            var headerJson = new JsonObject { ["format"] = header.Format };
            if (header.Text is not null)
            {
                headerJson["text"] = header.Text;
            }

            structure["header"] = headerJson;
        }

        structure["body"] = new JsonObject { ["text"] = template.Structure.Body };
        if (template.Structure.Footer is not null)
        {
            structure["footer"] = new JsonObject { ["text"] = template.Structure.Footer };
        }

        if (template.Structure.Buttons.Count > 0)
        {
            structure["buttons"] = new JsonArray([.. template.Structure.Buttons.Select(ToJson)]);
        }

        structure["type"] = template.Structure.Type;

        return new JsonObject
        {
            ["id"] = template.Id,
            ["businessAccountId"] = template.BusinessAccountId,
            ["name"] = template.Name,
            ["language"] = template.Language,
            ["status"] = template.Status,
            ["category"] = template.Category,
            ["structure"] = structure,
        };
    }

    private static JsonObject ToJson(SandboxTemplateButton button)
    {
        var json = new JsonObject { ["type"] = button.Type, ["text"] = button.Text };
        if (button.Url is not null)
        {
            json["url"] = button.Url;
        }

        if (button.PhoneNumber is not null)
        {
            json["phoneNumber"] = button.PhoneNumber;
        }

        if (button.OtpType is not null)
        {
            json["otpType"] = button.OtpType;
        }

        return json;
    }
}

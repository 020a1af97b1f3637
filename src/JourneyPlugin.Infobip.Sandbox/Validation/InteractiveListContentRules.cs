using System.Globalization;
using System.Text.Json;

namespace JourneyPlugin.Infobip.Sandbox.Validation;

/// <summary>
/// Checks <c>InteractiveListContent</c>: body 1 to 1024 characters, action title 1 to 20, 1 to 10
/// sections (titled when there are several) with at most 10 rows in all, row ids of 1 to 200
/// characters unique across sections, row titles of 1 to 24, descriptions up to 72.
/// </summary>
internal static class InteractiveListContentRules
{
    private const int MaxRows = 10;

    public static ContentSummary Validate(JsonElement content, ValidationErrors errors)
    {
        var body = InteractivePartsRules.Body(content, errors);
        InteractivePartsRules.Header(content, mediaAllowed: false, errors);
        InteractivePartsRules.Footer(content, errors);

        if (FieldRules.RequiredObject(content, "action", "content.action", errors) is { } action)
        {
            FieldRules.RequiredText(action, "title", "content.action.title", 1, 20, errors);
            if (FieldRules.RequiredArray(action, "sections", "content.action.sections", 1, 10, errors) is { } sections)
            {
                ValidateSections(sections, errors);
            }
        }

        return new ContentSummary(body);
    }

    private static void ValidateSections(JsonElement sections, ValidationErrors errors)
    {
        var several = sections.GetArrayLength() > 1;
        var rowIds = new HashSet<string>(StringComparer.Ordinal);
        var totalRows = 0;
        var sectionIndex = 0;
        foreach (var section in sections.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"content.action.sections[{sectionIndex++}]");
            if (section.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, "must be an object");
                continue;
            }

            var title = FieldRules.OptionalText(section, "title", path + ".title", 24, errors);
            if (several && string.IsNullOrWhiteSpace(title))
            {
                errors.Add(path + ".title", "must not be blank when there is more than one section");
            }

            if (FieldRules.RequiredArray(section, "rows", path + ".rows", 1, MaxRows, errors) is not { } rows)
            {
                continue;
            }

            var rowIndex = 0;
            foreach (var row in rows.EnumerateArray())
            {
                totalRows++;
                var rowPath = string.Create(CultureInfo.InvariantCulture, $"{path}.rows[{rowIndex++}]");
                if (row.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(rowPath, "must be an object");
                    continue;
                }

                var id = FieldRules.RequiredText(row, "id", rowPath + ".id", 1, 200, errors);
                if (id is not null && !rowIds.Add(id))
                {
                    errors.Add(rowPath + ".id", "must be unique across all sections");
                }

                FieldRules.RequiredText(row, "title", rowPath + ".title", 1, 24, errors);
                FieldRules.OptionalText(row, "description", rowPath + ".description", 72, errors);
            }
        }

        if (totalRows > MaxRows)
        {
            errors.Add("content.action.sections", string.Create(CultureInfo.InvariantCulture, $"must hold at most {MaxRows} rows in total, not {totalRows}"));
        }
    }
}

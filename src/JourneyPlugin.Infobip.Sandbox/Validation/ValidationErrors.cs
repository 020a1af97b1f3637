using System.Text.Json.Nodes;

namespace JourneyPlugin.Infobip.Sandbox.Validation;

/// <summary>Collects the reasons a request is refused, by Infobip-style field path (<c>content.text</c>).</summary>
internal sealed class ValidationErrors
{
    private readonly OrderedDictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public IEnumerable<string> Fields => _errors.Keys;

    public void Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
        {
            reasons = [];
            _errors.Add(field, reasons);
        }

        if (!reasons.Contains(reason))
        {
            reasons.Add(reason);
        }
    }

    /// <summary>The <c>validationErrors</c> object of Infobip's 400 body.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (field, reasons) in _errors)
        {
            json[field] = new JsonArray([.. reasons.Select(r => (JsonNode)r)]);
        }

        return json;
    }
}

using System.Collections;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>The property names of a JSON object as a list, without copying them.</summary>
internal readonly struct JsonPropertyNames(JsonObject json) : IReadOnlyList<string>
{
    public string this[int index] => json.GetAt(index).Key;

    public int Count => json.Count;

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < json.Count; i++)
        {
            yield return json.GetAt(i).Key;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

using System.Text.Json;

namespace JourneyPlugin.Infobip.Serialization;

/// <summary>
/// A <see cref="JsonException"/> raised by this library's converters whose message is already a
/// readable reason, so callers can report it next to the JSON path instead of System.Text.Json's text.
/// </summary>
internal sealed class InfobipJsonException : JsonException
{
    public InfobipJsonException(string reason, string relativePath = "", Exception? innerException = null)
        : base(reason, innerException)
    {
        Reason = reason;
        RelativePath = relativePath;
    }

    /// <summary>Why the value was rejected, e.g. <c>required field is missing</c>.</summary>
    public string Reason { get; }

    /// <summary>
    /// Where inside the value being converted the problem is (e.g. <c>.type</c>), appended to the path
    /// System.Text.Json reports for the converter; empty when the value itself is at fault.
    /// </summary>
    public string RelativePath { get; }
}

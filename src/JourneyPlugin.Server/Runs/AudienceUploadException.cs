namespace JourneyPlugin.Server.Runs;

/// <summary>A <c>POST /api/runs</c> form that cannot be read: the status to answer and the field at fault.</summary>
internal sealed class AudienceUploadException(int statusCode, string field, string message) : Exception(message)
{
    /// <summary>400 or 413.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The form field at fault.</summary>
    public string Field { get; } = field;
}

namespace JourneyPlugin.Server.Runs;

/// <summary>A <c>POST /api/runs</c> form that cannot be read: the status to answer and the field at fault.</summary>
internal sealed class AudienceUploadException(int statusCode, string field, string message) : Exception(message)
{
    /// <summary>400, 413, 415, or 507 when the server cannot store the file.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The problem's title.</summary>
    public string Title => StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "Audience file too large",
        StatusCodes.Status415UnsupportedMediaType => "Not a form",
        StatusCodes.Status507InsufficientStorage => "Audience file not stored",
        _ => "The run request is invalid",
    };

    /// <summary>The form field at fault.</summary>
    public string Field { get; } = field;
}

namespace JourneyPlugin.Server.Runs;

/// <summary>The fields of a <c>POST /api/runs</c> form, its audience file already on disk.</summary>
/// <param name="JourneyId">The <c>journeyId</c> field, if sent.</param>
/// <param name="Name">The <c>name</c> field, if sent.</param>
/// <param name="FileName">The name the audience file was uploaded under; null when no file was sent.</param>
/// <param name="TempPath">Where the upload was written; deleted by the caller unless the run starts.</param>
/// <param name="Bytes">The file's size.</param>
internal sealed record AudienceUpload(string? JourneyId, string? Name, string? FileName, string? TempPath, long Bytes);

namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>The byte-order mark at the start of a file: UTF-8's is skipped, UTF-16's refused.</summary>
internal static class AudiencePreamble
{
    public static async ValueTask SkipAsync(AudienceByteBuffer buffer, CancellationToken cancellationToken)
    {
        await buffer.EnsureAsync(3, cancellationToken).ConfigureAwait(false);
        var length = Length(buffer.Data);
        if (length < 0)
        {
            throw new AudienceFormatException(AudienceErrors.Utf16());
        }

        buffer.Advance(length);
    }

    /// <summary>The length of the UTF-8 byte-order mark at the start of <paramref name="data"/> (0 or 3), or -1 for UTF-16.</summary>
    public static int Length(ReadOnlySpan<byte> data) =>
        data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3
        : data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? -1
        : 0;
}

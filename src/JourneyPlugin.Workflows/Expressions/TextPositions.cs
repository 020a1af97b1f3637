using Scriban.Parsing;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>Turns Scriban's 0-based positions into the 1-based line and column of the text the author wrote.</summary>
internal static class TextPositions
{
    /// <summary>Maps a parser or runtime position to the author's text.</summary>
    /// <param name="position">Scriban's position; negative at the end of the input.</param>
    /// <param name="text">The text the author wrote.</param>
    /// <param name="columnShift">Characters the parser saw in front of the first line that the author did not write.</param>
    public static (int Line, int Column) ToAuthorPosition(TextPosition position, string text, int columnShift)
    {
        // Scriban reports "unexpected end" without a position: point just past the text.
        if (position.Line < 0)
        {
            var lastLine = text.AsSpan()[(text.LastIndexOf('\n') + 1)..];
            return (text.AsSpan().Count('\n') + 1, lastLine.Length + 1);
        }

        var column = position.Column + 1 - (position.Line == 0 ? columnShift : 0);
        if (columnShift > 0)
        {
            // Past the end of a wrapped line means the wrapper's closing braces: the author's text ended there.
            column = Math.Min(column, LineLength(text, position.Line) + 1);
        }

        return (position.Line + 1, Math.Max(1, column));
    }

    private static int LineLength(string text, int line)
    {
        var start = 0;
        for (var i = 0; i < line; i++)
        {
            var next = text.IndexOf('\n', start);
            if (next < 0)
            {
                return int.MaxValue - 1;
            }

            start = next + 1;
        }

        var end = text.IndexOf('\n', start);
        return (end < 0 ? text.Length : end) - start;
    }
}

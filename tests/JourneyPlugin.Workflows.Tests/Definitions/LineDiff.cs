namespace JourneyPlugin.Workflows.Tests.Definitions;

/// <summary>A line diff by longest common subsequence: the lines only in the old text and the lines only in the new.</summary>
internal sealed record LineDiff(IReadOnlyList<string> Removed, IReadOnlyList<string> Added)
{
    public static LineDiff Between(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var removed = new List<string>();
        var added = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                removed.Add(a[x++]);
            }
            else
            {
                added.Add(b[y++]);
            }
        }

        removed.AddRange(a[x..]);
        added.AddRange(b[y..]);
        return new(removed, added);
    }
}

using System.Globalization;
using System.Text;

namespace JourneyPlugin.Benchmarks.Reporting;

/// <summary>The final table: every figure with its target and how it compares, as Markdown.</summary>
internal static class ResultTable
{
    private static readonly string[] Header = ["scenario", "figure", "value", "target", "value vs target", "met"];

    public static string Render(IReadOnlyList<Figure> figures)
    {
        var rows = new List<string[]> { Header };
        foreach (var f in figures)
        {
            rows.Add(
            [
                f.Scenario,
                f.Name,
                $"{Figure.Format(f.Value)} {f.Unit}",
                f.Target is { } t ? $"{(f.Better == Better.Higher ? "≥" : "<")} {Figure.Format(t)} {f.Unit}" : "—",
                f.RatioToTarget is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "—",
                f.Met switch { true => "yes", false => "NO", null => "" },
            ]);
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            text.Append('|');
            for (var c = 0; c < widths.Length; c++)
            {
                text.Append(' ').Append(rows[i][c].PadRight(widths[c])).Append(" |");
            }

            text.AppendLine();
            if (i == 0)
            {
                text.Append('|');
                foreach (var w in widths)
                {
                    text.Append(' ').Append(new string('-', w)).Append(" |");
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }
}

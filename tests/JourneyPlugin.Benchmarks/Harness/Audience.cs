using System.Globalization;
using System.Text;

namespace JourneyPlugin.Benchmarks.Harness;

/// <summary>Audience files and the customers in them: valid mobile numbers, one per index.</summary>
internal static class Audience
{
    /// <summary>The phone of customer <paramref name="index"/> (Vietnamese mobile numbers, 84 91x xxx xxxx).</summary>
    public static string Phone(int index) => string.Create(CultureInfo.InvariantCulture, $"8491{index:D7}");

    /// <summary>Writes a CSV audience of <paramref name="count"/> customers starting at <paramref name="first"/>.</summary>
    public static async Task<string> WriteAsync(string directory, string name, int count, int first = 0)
    {
        var path = Path.Combine(directory, name + ".csv");
        await using var file = new StreamWriter(path, append: false, Encoding.UTF8, 1 << 16);
        await file.WriteLineAsync("customer_id,phone,first_name,promo_code");
        for (var i = first; i < first + count; i++)
        {
            await file.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"c{i},{Phone(i)},Guest{i},WELCOME15"));
        }

        return path;
    }
}

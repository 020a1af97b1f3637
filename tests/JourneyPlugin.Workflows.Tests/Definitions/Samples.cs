using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Tests.Definitions;

/// <summary>The sample definition files under <c>Definitions/Samples</c>.</summary>
internal static class Samples
{
    public const string Welcome = "welcome-journey.json";
    public const string LegacyConnections = "legacy-connections.json";
    public const string InputsAndOutputs = "inputs-and-outputs.json";
    public const string UnknownProperties = "unknown-properties.json";
    public const string Elsa30Export = "elsa-3.0-export.json";

    /// <summary>Every sample, for theories.</summary>
    public static TheoryData<string> All => new() { Welcome, LegacyConnections, InputsAndOutputs, UnknownProperties, Elsa30Export };

    /// <summary>
    /// The samples folder: copied next to the test assembly when the project copies it, else found in the source tree
    /// (the folder is looked for in each parent of the output directory).
    /// </summary>
    public static string Folder { get; } = FindFolder();

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static JsonObject ReadJson(string name) => JsonNode.Parse(Read(name))!.AsObject();

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Definitions", "Samples");
            if (File.Exists(Path.Combine(candidate, Welcome)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"Definitions/Samples not found above {AppContext.BaseDirectory}.");
    }
}

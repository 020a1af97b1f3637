using JourneyPlugin.Workflows.Definitions;

namespace JourneyPlugin.Workflows.Tests.Definitions;

public sealed class FileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("journey-definitions-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Load_names_the_file_and_save_writes_UTF8_without_BOM()
    {
        var path = Path.Combine(_folder, "welcome.json");
        File.Copy(Samples.PathOf(Samples.InputsAndOutputs), path);

        var definition = await WorkflowDefinition.LoadAsync(path);
        definition.Root.Activities[0].Position = (0, 0);
        await definition.SaveAsync(path);

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(path, definition.Source);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal(definition.ToJson(), System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal(["welcome.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
        Assert.Equal((0, 0), (await WorkflowDefinition.LoadAsync(path)).Root.Activities[0].Position);
    }

    [Fact]
    public async Task A_broken_file_is_reported_with_its_path()
    {
        var path = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(path, "{ \"id\": 1 }");

        var error = await Assert.ThrowsAsync<WorkflowDefinitionFormatException>(() => WorkflowDefinition.LoadAsync(path));

        Assert.Equal($"{path}: $.id: expected a string, found the number 1", error.Message);
    }

    [Fact]
    public async Task Saving_into_a_missing_folder_fails_without_leaving_files()
    {
        var path = Path.Combine(_folder, "missing", "welcome.json");

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => WorkflowDefinition.Create("j", "J").SaveAsync(path));

        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }
}

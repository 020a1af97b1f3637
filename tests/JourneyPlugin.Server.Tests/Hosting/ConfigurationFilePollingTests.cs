using System.Diagnostics;
using JourneyPlugin.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace JourneyPlugin.Server.Tests.Hosting;

public sealed class ConfigurationFilePollingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"journeyplugin-config-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_configuration_files_are_polled_and_a_change_is_still_reloaded()
    {
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "appsettings.json");
        await File.WriteAllTextAsync(file, """{ "Probe": "one" }""");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _root, Args = [] });
        var watching = builder.Configuration.GetFileProvider();

        builder.Configuration.PollConfigurationFiles();

        // Each reloading file source has the one new provider, which the builder also hands to sources added later.
        var reloading = builder.Configuration.Sources.OfType<FileConfigurationSource>().Where(s => s.ReloadOnChange).ToList();
        Assert.NotEmpty(reloading);
        // (Whether it polls cannot be read back: UsePollingFileWatcher reads false once a watch started.)
        var provider = Assert.IsType<PhysicalFileProvider>(builder.Configuration.GetFileProvider());
        Assert.NotSame(watching, provider);
        Assert.All(reloading, s => Assert.Same(provider, s.FileProvider));
        Assert.Equal("one", builder.Configuration["Probe"]);

        await File.WriteAllTextAsync(file, """{ "Probe": "two" }""");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        var clock = Stopwatch.StartNew();
        while (builder.Configuration["Probe"] != "two" && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        Assert.Equal("two", builder.Configuration["Probe"]);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

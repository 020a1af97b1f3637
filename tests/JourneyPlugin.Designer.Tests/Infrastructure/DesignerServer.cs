using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using JourneyPlugin.Testing;
using Microsoft.Playwright;

namespace JourneyPlugin.Designer.Tests.Infrastructure;

/// <summary>
/// The real server process (built by the solution, designer included) on a free port with a temporary data directory,
/// a temporary copy of workflows/ and the in-process sandbox; and Debian's Chromium driven by Playwright.
/// A browser needs a real socket, so <c>WebApplicationFactory</c> cannot serve these tests.
/// </summary>
public sealed class DesignerServer : IAsyncLifetime
{
    /// <summary>Chromium's flags on this machine: headless, no sandbox as root, and no background connections to a closed network.</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly StringBuilder _log = new();
    private Process? _process;
    private IPlaywright? _playwright;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "journeyplugin-designer-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string WorkflowsDirectory => Path.Combine(Root, "workflows");

    public Uri BaseUrl { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the tests write screenshots for a person to look at (git-ignored).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(Metadata("RepositoryRoot"), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkflowsDirectory);
        foreach (var file in Directory.GetFiles(Path.Combine(Metadata("RepositoryRoot"), "workflows"), "*.json"))
        {
            File.Copy(file, Path.Combine(WorkflowsDirectory, Path.GetFileName(file)));
        }

        var port = TestPorts.Next();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        var serverDll = Path.Combine(Metadata("ServerDirectory"), "JourneyPlugin.Server.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            serverDll, "--urls", BaseUrl.ToString().TrimEnd('/'),
            "--JourneyPlugin:DataDirectory", Path.Combine(Root, "data"),
            "--JourneyPlugin:WorkflowsDirectory", WorkflowsDirectory,
            "--JourneyPlugin:SiloPort", TestPorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--JourneyPlugin:GatewayPort", TestPorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilHealthyAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });

        // Assertions wait as long as actions (NewPageAsync): live validation is a server round trip, slow on a loaded machine.
        Assertions.SetDefaultExpectTimeout(15_000);
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh page at 1280×800, the size the designer is made for.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => { lock (_log) { _log.AppendLine("browser error: " + error); } };
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png") });

    public string Log
    {
        get { lock (_log) { return _log.ToString(); } }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Http?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process: the temp folder is cleaned by the OS.
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The server did not become healthy:\n{Log}");
    }

    private static string Metadata(string key) =>
        Path.GetFullPath(typeof(DesignerServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);
}

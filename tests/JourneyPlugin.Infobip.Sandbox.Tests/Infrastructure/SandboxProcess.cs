using System.Collections.Concurrent;
using System.Diagnostics;

namespace JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

/// <summary>The standalone sandbox (<c>dotnet JourneyPlugin.Infobip.Sandbox.dll …</c>) as a child process.</summary>
internal sealed class SandboxProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _error = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private SandboxProcess(Process process) => _process = process;

    public string Output => string.Join('\n', _output);

    public string Error => string.Join('\n', _error);

    public static SandboxProcess Start(params string[] arguments)
    {
        // The sandbox is built next to the tests, with its runtimeconfig, because the tests reference it.
        var dll = Path.Combine(AppContext.BaseDirectory, "JourneyPlugin.Infobip.Sandbox.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var sandbox = new SandboxProcess(process);
        process.OutputDataReceived += (_, e) => sandbox.Add(sandbox._output, e.Data);
        process.ErrorDataReceived += (_, e) => sandbox.Add(sandbox._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sandbox;
    }

    /// <summary>Waits for a line of standard output containing <paramref name="text"/>.</summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            if (_output.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The sandbox exited with {_process.ExitCode}.\nOutput:\n{Output}\nError:\n{Error}");
            }

            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No output line with '{text}' within {timeout}.\nOutput:\n{Output}\nError:\n{Error}");
            }
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        _lineArrived.Dispose();
    }

    private void Add(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
            _lineArrived.Release();
        }
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;
using JourneyPlugin.Infobip.Sandbox.Validation;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Infobip.Sandbox.Cli;

/// <summary>The standalone sandbox's command line.</summary>
internal static class SandboxCommand
{
    public const int DefaultPort = 9090;

    public static RootCommand Create()
    {
        var port = new Option<int>("--port")
        {
            Description = "The port to listen on at 127.0.0.1 (0 picks a free one).",
            DefaultValueFactory = _ => DefaultPort,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535 (0 picks a free port).");
            }
        });

        var apiKey = new Option<string>("--api-key")
        {
            Description = "The API key callers must send as 'Authorization: App <key>'.",
            Required = true,
        };
        apiKey.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--api-key must not be blank.");
            }
        });

        var webhookUrl = UrlOption("--webhook-url", "Where delivery and seen reports go (unless a message has its own notifyUrl).");
        var inboundUrl = UrlOption("--inbound-url", "Where customers' messages go.");

        var senders = new Option<string[]>("--sender")
        {
            Description = "A registered WhatsApp sender number, digits only; repeat for several.",
            DefaultValueFactory = _ => [InfobipSandboxOptions.DefaultSender],
            Arity = ArgumentArity.OneOrMore,
        };
        senders.Validators.Add(result =>
        {
            foreach (var sender in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (sender.Length is 0 or > 24 || !sender.All(char.IsAsciiDigit))
                {
                    result.AddError($"--sender '{sender}' must be the sender's number with country code, digits only (up to 24), e.g. {InfobipSandboxOptions.DefaultSender}.");
                }
            }
        });

        var command = new RootCommand("A local stand-in for Infobip's WhatsApp API: send messages to it, receive its delivery reports and simulated replies.")
        {
            port,
            apiKey,
            webhookUrl,
            inboundUrl,
            senders,
        };

        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new InfobipSandboxOptions
            {
                Port = parseResult.GetValue(port),
                ApiKey = parseResult.GetRequiredValue(apiKey),
                DeliveryReportUrl = ToUri(parseResult.GetValue(webhookUrl)),
                InboundMessageUrl = ToUri(parseResult.GetValue(inboundUrl)),
                Senders = parseResult.GetValue(senders) ?? [InfobipSandboxOptions.DefaultSender],
            };
            return RunAsync(options, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken);
        });

        return command;
    }

    /// <summary>Runs the sandbox until Ctrl+C or SIGTERM.</summary>
    private static async Task<int> RunAsync(InfobipSandboxOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            })
            .SetMinimumLevel(LogLevel.Information));

        InfobipSandbox sandbox;
        try
        {
            sandbox = InfobipSandbox.Start(options, loggerFactory);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }

        await using (sandbox.ConfigureAwait(false))
        {
            await output.WriteLineAsync($"Infobip sandbox listening on {sandbox.BaseUrl}").ConfigureAwait(false);
            await output.WriteLineAsync($"Sender(s): {string.Join(", ", sandbox.Senders)}").ConfigureAwait(false);
            await output.WriteLineAsync($"Delivery reports: {options.DeliveryReportUrl?.ToString() ?? "not posted (no --webhook-url)"}").ConfigureAwait(false);
            await output.WriteLineAsync($"Inbound messages: {options.InboundMessageUrl?.ToString() ?? "not posted (no --inbound-url)"}").ConfigureAwait(false);
            await output.WriteLineAsync($"Control: {sandbox.BaseUrl}sandbox/messages, /sandbox/replies, /sandbox/faults, /sandbox/health. Press Ctrl+C to stop.").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("Stopping the Infobip sandbox.").ConfigureAwait(false);
            }
        }

        return 0;
    }

    private static Option<string?> UrlOption(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } url && !FieldRules.IsHttpUrl(url))
            {
                result.AddError($"{name} must be an absolute http(s) URL, e.g. http://127.0.0.1:5000/webhooks/infobip, not '{url}'.");
            }
        });
        return option;
    }

    private static Uri? ToUri(string? url) => url is null ? null : new Uri(url, UriKind.Absolute);
}

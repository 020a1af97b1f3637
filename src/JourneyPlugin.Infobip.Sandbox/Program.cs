using JourneyPlugin.Infobip.Sandbox.Cli;

// dotnet run --project src/JourneyPlugin.Infobip.Sandbox -- --port 9090 --api-key <key> --webhook-url <url>
return await SandboxCommand.Create().Parse(args).InvokeAsync().ConfigureAwait(false);

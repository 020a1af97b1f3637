using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;
using JourneyPlugin.Workflows.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JourneyPlugin.Workflows.Tests.Fixtures;

/// <summary>
/// Runs whole workflows in memory on a fake clock, in the spirit of Elsa's WorkflowTestFixture:
/// load JSON, start, resume by stimulus, advance time to fire timers, inspect state.
/// </summary>
public sealed class WorkflowHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public WorkflowHost(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddJourneyPlugin(j => j.AddActivity<WaitForSignal>());
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider();
        Runner = _provider.GetRequiredService<WorkflowRunner>();
        Loader = _provider.GetRequiredService<WorkflowLoader>();
        Validator = _provider.GetRequiredService<WorkflowValidator>();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public WorkflowRunner Runner { get; }

    public WorkflowLoader Loader { get; }

    public WorkflowValidator Validator { get; }

    public IServiceProvider Services => _provider;

    public Workflow Load(string json) => Loader.Load(WorkflowDefinition.Parse(json, "test.json"));

    public Task<WorkflowState> StartAsync(Workflow workflow, JsonObject? customer = null, string instanceId = "instance-1") =>
        Runner.StartAsync(workflow, new WorkflowStartRequest { InstanceId = instanceId, CorrelationId = "customer-7", Customer = customer });

    /// <summary>Runs one activity of type <paramref name="type"/> with <paramref name="properties"/> (its inputs and output bindings) and returns the instance.</summary>
    public async Task<WorkflowState> RunActivityAsync(string type, JsonObject properties, params (string Name, string TypeName)[] variables)
    {
        var json = Journeys.Flowchart(
            [Journeys.Activity("start", "Elsa.Start"), Journeys.Activity("subject", type, properties)],
            [Journeys.Connect("start", "Done", "subject")],
            [.. variables.Select(v => (JsonNode)Journeys.Variable(v.Name, v.Name, v.TypeName))]);
        return await StartAsync(Load(json));
    }

    /// <summary>The outcomes the activity under test completed with.</summary>
    public static IReadOnlyList<string> OutcomesOf(WorkflowState state) =>
        state.History.LastOrDefault(h => h.ActivityId == "subject")?.Outcomes ?? throw new InvalidOperationException($"The activity did not complete: {state.Status} {state.Fault?.Message}");

    public void Dispose() => _provider.Dispose();
}

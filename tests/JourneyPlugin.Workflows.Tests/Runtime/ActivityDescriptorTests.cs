using System.Text.Json;
using JourneyPlugin.Workflows.Descriptors;
using JourneyPlugin.Workflows.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyPlugin.Workflows.Tests.Runtime;

public sealed class ActivityDescriptorTests : IDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly WorkflowHost _host = new();

    public void Dispose() => _host.Dispose();

    private ActivityDescriptor Find(string type) => _host.Services.GetRequiredService<IActivityRegistry>().Find(type)!;

    [Fact]
    public void Core_activities_keep_elsas_type_names()
    {
        var names = _host.Services.GetRequiredService<IActivityRegistry>().Descriptors.Select(d => d.TypeName).ToHashSet();

        Assert.Superset(new HashSet<string> { "Elsa.Start", "Elsa.FlowDecision", "Elsa.Delay", "Elsa.SetVariable", "Elsa.End", "Elsa.FlowSendHttpRequest" }, names);
    }

    [Fact]
    public void A_descriptor_serialises_in_elsas_shape()
    {
        var json = JsonSerializer.SerializeToNode(Find("Elsa.FlowDecision"), Web)!;

        Assert.Equal("Elsa.FlowDecision", json["typeName"]!.GetValue<string>());
        Assert.Equal("Elsa", json["namespace"]!.GetValue<string>());
        Assert.Equal("FlowDecision", json["name"]!.GetValue<string>());
        Assert.Equal("Branching", json["category"]!.GetValue<string>());
        Assert.Equal("Action", json["kind"]!.GetValue<string>());
        Assert.Equal(["True", "False"], json["ports"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal("Flow", json["ports"]![0]!["type"]!.GetValue<string>());
        var condition = Assert.Single(json["inputs"]!.AsArray());
        Assert.Equal("condition", condition!["name"]!.GetValue<string>());
        Assert.Equal("Boolean", condition["typeName"]!.GetValue<string>());
        Assert.True(condition["isWrapped"]!.GetValue<bool>());
        Assert.Null(json["clrType"]);
    }

    [Fact]
    public void Start_has_no_inbound_port_end_has_no_outgoing_ports_and_plain_activities_have_done()
    {
        Assert.True(Find("Elsa.Start").IsStart);
        Assert.True(Find("Elsa.End").IsTerminal);
        Assert.Empty(Find("Elsa.End").Ports);
        Assert.Equal(["Done"], Find("Elsa.SetVariable").Ports.Select(p => p.Name));
        Assert.True(Find("Elsa.Delay").MaySuspend);
        Assert.Equal("duration", Find("Elsa.Delay").Inputs.Single().UIHint);
        Assert.Equal("HTTP Request (flow)", Find("Elsa.FlowSendHttpRequest").DisplayName);
        Assert.Equal(Attributes.ActivityKind.Task, Find("Elsa.FlowSendHttpRequest").Kind);
    }
}

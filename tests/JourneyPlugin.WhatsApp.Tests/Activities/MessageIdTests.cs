using System.Text.Json;
using JourneyPlugin.WhatsApp.Activities;
using JourneyPlugin.Workflows.Execution;

namespace JourneyPlugin.WhatsApp.Tests.Activities;

/// <summary>
/// A Send step's message id: the same whenever the step is run again, different for every instance
/// and pass, in the order the instances started, and unchanged for instances created before that order.
/// </summary>
public sealed class MessageIdTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 30, 0, 123, TimeSpan.Zero);

    private static WorkflowState State(string instanceId, DateTimeOffset createdAt, int idVersion = WorkflowState.CurrentIdVersion) =>
        new() { InstanceId = instanceId, DefinitionId = "welcome", CreatedAt = createdAt, IdVersion = idVersion };

    [Fact]
    public void Is_the_same_for_a_step_run_again_and_differs_by_instance_and_pass()
    {
        var state = State("run-1/c-1", Start);

        Assert.Equal(SendInfobipWhatsApp.MessageIdFor(state, "send-1:1"), SendInfobipWhatsApp.MessageIdFor(State("run-1/c-1", Start), "send-1:1"));
        Assert.Equal(
            4,
            new[]
            {
                SendInfobipWhatsApp.MessageIdFor(state, "send-1:1"),
                SendInfobipWhatsApp.MessageIdFor(state, "send-1:2"),
                SendInfobipWhatsApp.MessageIdFor(State("run-1/c-2", Start), "send-1:1"),
                SendInfobipWhatsApp.MessageIdFor(State("run-2/c-1", Start), "send-1:1"),
            }.Distinct().Count());
    }

    [Fact]
    public void Is_a_version_7_uuid_stamped_with_the_instance_start()
    {
        var id = Guid.Parse(SendInfobipWhatsApp.MessageIdFor(State("run-1/c-1", Start), "send-1:1"));

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        var bytes = id.ToByteArray(bigEndian: true);
        Assert.Equal(Start.ToUnixTimeMilliseconds(), bytes[..6].Aggregate(0L, (ms, b) => (ms << 8) | b));
    }

    [Fact]
    public void Sorts_in_the_order_the_instances_started_whatever_their_ids()
    {
        string[] customers = ["run-1/zoe", "run-1/adam", "run-1/mia", "run-1/bob"];
        var ids = customers
            .Select((customer, i) => SendInfobipWhatsApp.MessageIdFor(State(customer, Start.AddMilliseconds(i)), "send-1:1"))
            .ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_instance_created_before_id_versions_keeps_its_plain_hash_id()
    {
        // As stored by earlier releases: no IdVersion. The id is the one those releases derived for this step.
        var state = JsonSerializer.Deserialize<WorkflowState>("""{"InstanceId":"run-1/c-1","DefinitionId":"welcome","CreatedAt":"2026-12-03T09:30:00.123+00:00"}""")!;

        Assert.Equal(0, state.IdVersion);
        Assert.Equal("0f00bead-6b49-12fc-9000-17e5b92359e1", SendInfobipWhatsApp.MessageIdFor(state, "send-1:1"));
    }
}

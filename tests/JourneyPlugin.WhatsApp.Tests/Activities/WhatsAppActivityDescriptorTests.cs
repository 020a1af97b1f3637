using JourneyPlugin.WhatsApp.Activities;
using JourneyPlugin.Workflows.Descriptors;
using JourneyPlugin.Workflows.Models;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyPlugin.WhatsApp.Tests.Activities;

/// <summary>What the designer's toolbox gets for the two WhatsApp activities.</summary>
public sealed class WhatsAppActivityDescriptorTests : IDisposable
{
    private readonly ServiceProvider _provider = new ServiceCollection().AddJourneyPlugin(j => j.AddWhatsApp()).BuildServiceProvider();

    public void Dispose() => _provider.Dispose();

    private ActivityDescriptor Find(string type) => _provider.GetRequiredService<IActivityRegistry>().Find(type)!;

    [Fact]
    public void Send_infobip_whatsapp_is_a_task_with_sent_and_failed_and_a_required_connection()
    {
        var send = Find("Journeys.SendInfobipWhatsApp");

        Assert.Equal(("Send Infobip WhatsApp", "WhatsApp", Workflows.Attributes.ActivityKind.Task), (send.DisplayName, send.Category, send.Kind));
        Assert.Equal(["Sent", "Failed"], send.Ports.Select(p => p.Name));
        var connection = send.Inputs.Single(i => i.Name == "connection");
        Assert.True(connection.IsRequired);
        Assert.Equal("connection-picker", connection.UIHint);
        Assert.Equal(["Template", "Text", "Image", "Document", "Video", "Audio", "Buttons"], send.Inputs.Single(i => i.Name == "messageKind").Options);
        Assert.Equal(["messageId", "status", "failureReason"], send.Outputs.Select(o => o.Name));
    }

    [Fact]
    public void Wait_for_user_reply_may_suspend_and_its_expected_replies_add_ports()
    {
        var wait = Find("Journeys.WaitForUserReply");

        Assert.True(wait.MaySuspend);
        Assert.Equal(["Replied", "Timeout"], wait.Ports.Select(p => p.Name));
        Assert.Equal("dynamic-outcomes", wait.Inputs.Single(i => i.Name == "expectedReplies").UIHint);
        Assert.Equal(["replyText", "reply", "repliedAt"], wait.Outputs.Select(o => o.Name));

        var configured = new WaitForUserReply { ExpectedReplies = new Input<List<string>>(Expression.Literal(new System.Text.Json.Nodes.JsonArray("YES", "NO"))) };
        Assert.Equal(["Replied", "Timeout", "YES", "NO", "Other"], configured.GetOutcomes());
    }
}

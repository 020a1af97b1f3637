using JourneyPlugin.Server.Tests.Connections;

namespace JourneyPlugin.Server.Tests.Cli;

/// <summary>
/// <c>quick-test</c> of connections created through the API: read from the server's data directory, their
/// API key decrypted with the master key, as the running server reads them.
/// </summary>
[Collection(ConnectionTestGroup.Name)]
public sealed class QuickTestCommandStoredConnectionTests(ConnectionTestBed bed)
{
    [Fact]
    public async Task A_connection_created_through_the_api_is_tested_from_the_data_directory()
    {
        await bed.CreateAsync(bed.SecondConnection("cli-stored", ("quickTestRecipient", "84912345691")));

        var result = await CommandLine.RunAsync("quick-test", "--connection", "cli-stored", "--text", "From the terminal", "--data", bed.DataDirectory);

        Assert.True(result.ExitCode == 0, result.ToString());
        var sent = Assert.Single(bed.Second.AcceptedMessages, m => m.Text == "From the terminal");
        Assert.Equal(("84912345691", ConnectionTestBed.SecondSender), (sent.To, sent.From));
        Assert.StartsWith($"Quick test of connection 'cli-stored' to 84912345691: accepted (HTTP 200), message id {sent.MessageId}", result.OutputLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(ConnectionTestBed.SecondApiKey, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_connection_whose_key_the_vendor_refuses_exits_1_with_the_vendor_answer()
    {
        const string wrongKey = "not-the-key-of-this-account-cli1";
        await bed.CreateAsync(bed.SecondConnection("cli-badkey", ("apiKey", wrongKey)));

        var result = await CommandLine.RunAsync("quick-test", "--connection", "cli-badkey", "--data", bed.DataDirectory);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("not accepted (HTTP 401)", result.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains("\"messageId\":\"UNAUTHORIZED\"", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, result.ToString(), StringComparison.Ordinal);
    }
}

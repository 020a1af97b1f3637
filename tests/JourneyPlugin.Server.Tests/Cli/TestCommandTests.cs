namespace JourneyPlugin.Server.Tests.Cli;

/// <summary><c>test</c>: a dry run against the sandbox with scripted replies and a simulated clock.</summary>
public sealed class TestCommandTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Each_customer_s_path_shows_the_branch_their_replies_took_at_simulated_times()
    {
        var script = _files.File("replies.json", """
            {
              "start": "2026-11-24T09:00:00Z",
              "customers": [
                { "phone": "+84912345671", "attributes": { "first_name": "An", "promo_code": "WELCOME15" }, "replies": [ { "after": "PT2H", "text": "Yes please" } ] },
                { "phone": "+84 912 345 672", "attributes": { "first_name": "Binh", "promo_code": "WELCOME15" } },
                { "phone": "84912345673", "attributes": { "first_name": "Chi", "promo_code": "SPRING" }, "replies": [ { "after": "P2DT3H", "text": "YES" } ] }
              ]
            }
            """);

        var result = await CommandLine.RunAsync("test", CommandLine.Journey("welcome-offer.json"), "--replies", script);

        Assert.True(result.ExitCode == 0, result.ToString());
        var blocks = result.Output.Split(Environment.NewLine + Environment.NewLine);
        Assert.StartsWith("Dry run of 'Welcome offer' (welcome-offer.json) against the Infobip sandbox: 3 customers, simulated from 2026-11-24 09:00 UTC", blocks[0], StringComparison.Ordinal);

        // An replies YES after two hours: the deals, and the journey ends there.
        var an = Lines(blocks[1]);
        Assert.Equal("+84912345671 (first_name=An, promo_code=WELCOME15)", an[0]);
        Assert.Contains(an, l => l.Contains("+00:00:00  Send welcome offer [Send Infobip WhatsApp] -> Sent: template welcome_offer (en) \"Hi An, thanks for joining Acme! Use code WELCOME15", StringComparison.Ordinal));
        Assert.Contains(an, l => l.EndsWith("+02:00:00  <- reply \"Yes please\"", StringComparison.Ordinal));
        Assert.Contains(an, l => l.EndsWith("+02:00:00  Wait for answer [Wait for User Reply] -> Replied, Yes please", StringComparison.Ordinal));
        Assert.Contains(an, l => l.EndsWith("+02:00:00  Send deals [Send Infobip WhatsApp] -> Sent: text \"Great, An! Here are this week's deals: https://shop.example.com/deals?code=WELCOME15\"", StringComparison.Ordinal));
        Assert.EndsWith("=  finished at +02:00:00", an[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(an, l => l.Contains("Timeout", StringComparison.Ordinal));

        // Binh never answers: both waits time out, two and then three simulated days later.
        var binh = Lines(blocks[2]);
        Assert.Contains(binh, l => l.EndsWith("+2d 00:00:00  Wait for answer [Wait for User Reply] -> Timeout", StringComparison.Ordinal));
        Assert.Contains(binh, l => l.Contains("+2d 00:00:00  Send reminder [Send Infobip WhatsApp] -> Sent: template offer_reminder", StringComparison.Ordinal));
        Assert.Contains(binh, l => l.EndsWith("+5d 00:00:00  Wait after reminder [Wait for User Reply] -> Timeout", StringComparison.Ordinal));
        Assert.DoesNotContain(binh, l => l.Contains("<- reply", StringComparison.Ordinal));
        Assert.EndsWith("=  finished at +5d 00:00:00", binh[^1], StringComparison.Ordinal);

        // Chi answers the reminder three hours after it.
        var chi = Lines(blocks[3]);
        Assert.Contains(chi, l => l.EndsWith("+2d 00:00:00  Wait for answer [Wait for User Reply] -> Timeout", StringComparison.Ordinal));
        Assert.Contains(chi, l => l.EndsWith("+2d 03:00:00  <- reply \"YES\"", StringComparison.Ordinal));
        Assert.Contains(chi, l => l.Contains("+2d 03:00:00  Wait after reminder [Wait for User Reply] -> Replied, YES", StringComparison.Ordinal));
        Assert.Contains(chi, l => l.Contains("Sent: text \"Great, Chi! Here are this week's deals: https://shop.example.com/deals?code=SPRING\"", StringComparison.Ordinal));

        Assert.Equal("3 customers: 3 finished, 0 waiting, 0 faulted; 7 messages sent to the sandbox", blocks[^1].Trim());
    }

    [Fact]
    public async Task A_customer_still_waiting_when_the_simulated_time_ends_is_shown_waiting()
    {
        var script = _files.File("short.json", """{ "customers": [ { "phone": "+84912345679", "attributes": { "first_name": "Hoa", "promo_code": "X" } } ] }""");

        var result = await CommandLine.RunAsync("test", CommandLine.Journey("welcome-offer.json"), "--replies", script, "--until", "P1D");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("=  waits at 'Wait for answer' (next timer at +2d 00:00:00)", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 customer: 0 finished, 1 waiting, 0 faulted; 1 message sent to the sandbox", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_script_is_refused_with_each_field_named_and_exit_code_2()
    {
        var script = _files.File("bad.json", """
            {
              "customers": [
                { "phone": "0912345678", "replies": [ { "after": "2 hours", "text": "YES" } ] },
                { "phone": "+84912345678", "reply": [], "replies": [ { "after": "PT1H" } ] },
                { "phone": "+84 912 345 678", "attributes": "An" }
              ]
            }
            """);

        var result = await CommandLine.RunAsync("test", CommandLine.Journey("welcome-offer.json"), "--replies", script);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Output);
        var errors = result.ErrorLines;
        Assert.Contains(errors, l => l.StartsWith("bad.json: $.customers[0].phone: ", StringComparison.Ordinal) && l.Contains("country code", StringComparison.Ordinal));
        Assert.Contains("bad.json: $.customers[0].replies[0].after: expected an ISO 8601 duration such as PT2H, P2D or P1DT30M, got '2 hours'", errors);
        Assert.Contains("bad.json: $.customers[1].reply: unknown field; expected phone, attributes, replies", errors);
        Assert.Contains("bad.json: $.customers[1].replies[0].text: required: what the customer writes, 1 to 4096 characters", errors);
        Assert.Contains("bad.json: $.customers[2].phone: +84 912 345 678 is already the number of $.customers[1]; each customer needs their own number", errors);
        Assert.Contains("bad.json: $.customers[2].attributes: must be an object of profile attributes, e.g. {\"first_name\":\"An\"}", errors);
        Assert.Equal(6, errors.Count);
    }

    [Fact]
    public async Task A_script_that_is_not_json_is_refused_with_its_position()
    {
        var script = _files.File("broken.json", "{ \"customers\": [ }");

        var result = await CommandLine.RunAsync("test", CommandLine.Journey("welcome-offer.json"), "--replies", script);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("broken.json: $: not valid JSON (line 1, byte ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private static string[] Lines(string block) => block.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}

using System.Text;
using JourneyPlugin.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JourneyPlugin.Designer.Tests;

[Collection(DesignerTests.Name)]
public sealed class TestModeAndRunTests(DesignerServer server)
{
    [Fact]
    public async Task Test_mode_sends_through_the_sandbox_and_a_played_reply_moves_the_customer_on()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/journeys/welcome-offer");
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(8);
        await page.GetByTestId("tab-test").ClickAsync();
        await page.GetByTestId("test-start").ClickAsync();

        var chat = page.GetByTestId("test-chat");
        await Assertions.Expect(chat).ToContainTextAsync("Hi Lan, thanks for joining", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("node-Wait for answer")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("node-here"), new() { Timeout = 30_000 });

        await page.GetByTestId("reply-chip-Yes please").ClickAsync();
        await Assertions.Expect(chat).ToContainTextAsync("Great, Lan! Here are this week's deals", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("node-Send deals")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("node-visited"), new() { Timeout = 30_000 });
        await DesignerServer.ScreenshotAsync(page, "04-test-mode");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_run_over_an_uploaded_audience_shows_its_funnel()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/runs");
        await page.GetByTestId("start-run").ClickAsync();
        await page.GetByTestId("run-journey").SelectOptionAsync("welcome-offer");
        await page.GetByTestId("run-audience").SetInputFilesAsync(new FilePayload
        {
            Name = "audience.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("phone,first_name,promo_code\n84900000006,An,A1\n84900000007,Binh,B2\n84900000008,Chi,C3\nnot-a-phone,Dung,D4\n"),
        });
        await page.GetByTestId("start-run-submit").ClickAsync();
        await page.WaitForURLAsync("**/runs/*");

        await Assertions.Expect(page.GetByTestId("funnel-enrolled")).ToContainTextAsync("3", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("funnel-sent")).ToContainTextAsync("3", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("run-instances").Locator("tbody tr")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        await DesignerServer.ScreenshotAsync(page, "05-run-funnel");
        await page.Context.CloseAsync();
    }
}

using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JourneyPlugin.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JourneyPlugin.Designer.Tests;

[Collection(DesignerTests.Name)]
public sealed class RunsPageTests(DesignerServer server)
{
    [Fact]
    public async Task A_run_shows_its_customers_at_named_steps_and_its_failures_by_reason_refreshing_until_cancelled()
    {
        // The welcome offer sent to a column of the audience: a row whose column is not a number fails to send.
        var journey = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(server.WorkflowsDirectory, "welcome-offer.json")))!;
        journey["id"] = "runs-failures";
        journey["definitionId"] = "runs-failures";
        journey["name"] = "Runs with failures";
        var send = journey["root"]!["activities"]!.AsArray().First(a => a!["name"]!.GetValue<string>() == "Send welcome offer")!;
        send["to"] = JsonNode.Parse("""{ "typeName": "String", "expression": { "type": "Scriban", "value": "{{ customer.whatsapp }}" } }""");
        using (var put = await server.Http.PutAsync(new Uri("/api/journeys/runs-failures", UriKind.Relative), new StringContent(journey.ToJsonString(), Encoding.UTF8, "application/json")))
        {
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        var page = await server.NewPageAsync();
        await page.GotoAsync("/runs");
        await page.GetByTestId("start-run").ClickAsync();
        await page.GetByTestId("run-journey").SelectOptionAsync("runs-failures");
        await page.GetByTestId("run-audience").SetInputFilesAsync(new FilePayload
        {
            Name = "audience.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("phone,whatsapp,first_name,promo_code\n84900000016,84900000016,An,A1\n84900000017,84900000017,Binh,B2\n84900000018,84900000018,Chi,C3\n84900000019,12,Dung,D4\n"),
        });
        await page.GetByTestId("start-run-submit").ClickAsync();
        await page.WaitForURLAsync("**/runs/*");

        var slow = new LocatorAssertionsToContainTextOptions { Timeout = 30_000 };
        await Assertions.Expect(page.GetByTestId("funnel-enrolled")).ToContainTextAsync("4", slow);
        await Assertions.Expect(page.GetByTestId("funnel-sent")).ToContainTextAsync("3", slow);
        await Assertions.Expect(page.GetByTestId("failure-InvalidNumber")).ToContainTextAsync("Not a valid phone number", slow);
        await Assertions.Expect(page.GetByTestId("failure-InvalidNumber")).ToContainTextAsync("1");
        await Assertions.Expect(page.GetByTestId("funnel-failed")).ToHaveTextAsync("1");

        // Customers stand at the step's name, not its id; the page keeps refreshing while they wait.
        await page.GetByTestId("instances-Suspended").ClickAsync(new() { Timeout = 30_000 });
        var rows = page.GetByTestId("run-instances").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("instance-step")).ToHaveTextAsync(["Wait for answer", "Wait for answer", "Wait for answer"]);
        await Assertions.Expect(page.GetByTestId("run-steps")).ToContainTextAsync("Send welcome offer");
        await Assertions.Expect(page.GetByTestId("run-refresh-state")).ToContainTextAsync("Live");
        await DesignerServer.ScreenshotAsync(page, "11-run-detail");

        await rows.First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-history")).ToContainTextAsync("Send welcome offer");
        await Assertions.Expect(page.GetByTestId("instance-history")).ToContainTextAsync("Sent");
        await page.Keyboard.PressAsync("Escape");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByTestId("run-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Cancelled", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("run-refresh-state")).ToContainTextAsync(new Regex("^Final"), new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }
}

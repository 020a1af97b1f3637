using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using JourneyPlugin.Designer.Tests.Infrastructure;
using static JourneyPlugin.Designer.Tests.Infrastructure.Canvas;
using Microsoft.Playwright;

namespace JourneyPlugin.Designer.Tests;

[Collection(DesignerTests.Name)]
public sealed class EditorTests(DesignerServer server)
{
    [Fact]
    public async Task Saving_an_opened_journey_changes_only_what_was_edited_in_its_file()
    {
        var file = Path.Combine(server.WorkflowsDirectory, "abandoned-cart.json");
        var original = await File.ReadAllTextAsync(file);
        var page = await server.NewPageAsync();
        await page.GotoAsync("/journeys/abandoned-cart");
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(8);
        await Assertions.Expect(page.GetByTestId("problems-button")).ToHaveTextAsync("✓ Valid");
        await DesignerServer.ScreenshotAsync(page, "02-editor-abandoned-cart");

        await page.GetByTestId("journey-settings-name").FillAsync("Abandoned cart, renamed");
        await Assertions.Expect(page.GetByTestId("dirty")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.GetByTestId("saved-state")).ToBeVisibleAsync();

        var saved = await File.ReadAllTextAsync(file);
        Assert.Equal(original.Replace("\"name\": \"Abandoned cart\"", "\"name\": \"Abandoned cart, renamed\"", StringComparison.Ordinal), saved);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_journey_built_by_dragging_from_the_toolbox_is_saved_as_a_file_the_validator_accepts()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByTestId("new-journey").ClickAsync();
        await page.GetByTestId("journey-name").FillAsync("Spring sale");
        await page.GetByTestId("journey-dialog-submit").ClickAsync();
        await page.WaitForURLAsync("**/journeys/spring-sale");
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(2);

        var canvas = page.GetByTestId("canvas");
        await page.GetByTestId("tool-Journeys.SendInfobipWhatsApp").DragToAsync(canvas, new() { TargetPosition = new() { X = 320, Y = 260 } });
        await page.GetByTestId("tool-Journeys.WaitForUserReply").DragToAsync(canvas, new() { TargetPosition = new() { X = 260, Y = 470 } });
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(4);

        // The wait was dropped last and is selected: give it an expected reply, which becomes a port.
        await page.GetByTestId("input-expectedReplies-new").FillAsync("YES");
        await page.GetByTestId("input-expectedReplies-new").PressAsync("Enter");
        await Assertions.Expect(Port(page, "Wait for User Reply", "YES")).ToBeVisibleAsync();

        // The message: free-form text with a Scriban placeholder and its live preview for the sample customer.
        await page.GetByTestId("node-Send Infobip WhatsApp").ClickAsync();
        await page.GetByTestId("input-messageKind").SelectOptionAsync("Text");
        await page.GetByTestId("input-text").FillAsync("Hi {{ customer.first_name }}, the spring sale starts today!");
        await Assertions.Expect(page.GetByTestId("input-text-preview")).ToContainTextAsync("Hi Lan, the spring sale starts today!");

        await page.Keyboard.PressAsync("Escape");
        await ConnectAsync(page, "Start", "Done", "Send Infobip WhatsApp");
        await ConnectAsync(page, "Send Infobip WhatsApp", "Sent", "Wait for User Reply");
        await ConnectAsync(page, "Send Infobip WhatsApp", "Failed", "End");
        foreach (var port in new[] { "YES", "Other", "Timeout", "Replied" })
        {
            await ConnectAsync(page, "Wait for User Reply", port, "End");
        }

        await Assertions.Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(7);
        await Assertions.Expect(page.GetByTestId("problems-button")).ToHaveTextAsync("✓ Valid", new() { Timeout = 10_000 });
        await page.GetByTestId("auto-layout").ClickAsync();
        await page.WaitForTimeoutAsync(500); // the fit-view animation, for the screenshot only
        await DesignerServer.ScreenshotAsync(page, "03-editor-built-by-dragging");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved-state")).ToBeVisibleAsync();

        var text = await File.ReadAllTextAsync(Path.Combine(server.WorkflowsDirectory, "spring-sale.json"));
        Assert.Equal(text, await server.Http.GetStringAsync(new Uri("/api/journeys/spring-sale", UriKind.Relative)));
        using var validation = await server.Http.PostAsync(new Uri("/api/journeys/validate", UriKind.Relative), new StringContent(text, Encoding.UTF8, "application/json"));
        var result = await validation.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(result!["valid"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Empty(result["problems"]!.AsArray());

        var root = JsonNode.Parse(text)!["root"]!;
        var ids = root["activities"]!.AsArray().ToDictionary(a => a!["name"]!.GetValue<string>(), a => a!["id"]!.GetValue<string>());
        var send = root["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Journeys.SendInfobipWhatsApp")!;
        Assert.Equal("Scriban", send["text"]!["expression"]!["type"]!.GetValue<string>());
        Assert.Equal("sandbox", send["connection"]!["expression"]!["value"]!.GetValue<string>());
        var connections = root["connections"]!.AsArray()
            .Select(c => $"{c!["source"]!["activity"]}:{c["source"]!["port"]}->{c["target"]!["activity"]}:{c["target"]!["port"]}")
            .ToHashSet();
        Assert.Contains($"{ids["Start"]}:Done->{ids["Send Infobip WhatsApp"]}:In", connections);
        Assert.Contains($"{ids["Send Infobip WhatsApp"]}:Sent->{ids["Wait for User Reply"]}:In", connections);
        Assert.Contains($"{ids["Wait for User Reply"]}:YES->{ids["End"]}:In", connections);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Undo_and_redo_take_back_and_replay_a_deletion()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/journeys/welcome-offer");
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(8);
        await page.GetByTestId("node-Send reminder").ClickAsync();
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(7);
        await Assertions.Expect(page.GetByTestId("problems-button")).ToContainTextAsync("error");
        await page.GetByTestId("undo").ClickAsync();
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(16);
        await Assertions.Expect(page.GetByTestId("saved-state")).ToBeVisibleAsync();
        await page.GetByTestId("redo").ClickAsync();
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(7);
        await page.Context.CloseAsync();
    }
}

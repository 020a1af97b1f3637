using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using JourneyPlugin.Designer.Tests.Infrastructure;
using Microsoft.Playwright;
using static JourneyPlugin.Designer.Tests.Infrastructure.Canvas;

namespace JourneyPlugin.Designer.Tests;

[Collection(DesignerTests.Name)]
public sealed class TemplatePickerTests(DesignerServer server)
{
    [Fact]
    public async Task A_template_from_the_connections_catalogue_is_filled_placeholder_by_placeholder_and_saved_valid()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByTestId("new-journey").ClickAsync();
        await page.GetByTestId("journey-name").FillAsync("Template welcome");
        await page.GetByTestId("journey-dialog-submit").ClickAsync();
        await page.WaitForURLAsync("**/journeys/template-welcome");
        await page.GetByTestId("tool-Journeys.SendInfobipWhatsApp").DragToAsync(page.GetByTestId("canvas"), new() { TargetPosition = new() { X = 320, Y = 280 } });
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(3);

        await page.GetByTestId("input-connection").SelectOptionAsync("sandbox");
        var picker = page.GetByTestId("input-templateName");
        await Assertions.Expect(picker.Locator("option", new() { HasText = "welcome_offer" })).ToHaveCountAsync(1);
        await Assertions.Expect(picker.Locator("option", new() { HasText = "spring_sale" })).ToBeDisabledAsync();
        await picker.SelectOptionAsync("welcome_offer|en");

        // The template's two placeholders, each previewed, then the whole message for the sample customer.
        await Assertions.Expect(page.GetByTestId("input-templateName-language")).ToHaveValueAsync("en");
        await Assertions.Expect(page.GetByTestId("input-placeholders")).ToHaveCountAsync(0); // edited under the template instead
        await page.GetByTestId("placeholder-1").FillAsync("{{ customer.first_name }}");
        await Assertions.Expect(page.GetByTestId("placeholder-1-preview")).ToContainTextAsync("Lan");
        await page.GetByTestId("placeholder-2").FillAsync("{{ customer.promo_code | string.upcase }}");
        await Assertions.Expect(page.GetByTestId("message-preview"))
            .ToContainTextAsync("Hi Lan, thanks for joining Acme! Use code WELCOME10 for 15% off your first order.");

        // A template with a document header and a dynamic URL button asks for both.
        await picker.SelectOptionAsync("order_shipped|en");
        await Assertions.Expect(page.GetByTestId("template-media-url")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("button-parameter-1")).ToBeVisibleAsync();
        await DesignerServer.ScreenshotAsync(page, "09-template-picker-media-and-buttons");
        await picker.SelectOptionAsync("welcome_offer|en");
        await Assertions.Expect(page.GetByTestId("template-media-url")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("message-preview")).ToContainTextAsync("Use code WELCOME10");
        await DesignerServer.ScreenshotAsync(page, "10-template-picker");

        await page.Keyboard.PressAsync("Escape");
        await ConnectAsync(page, "Start", "Done", "Send Infobip WhatsApp");
        await ConnectAsync(page, "Send Infobip WhatsApp", "Sent", "End");
        await ConnectAsync(page, "Send Infobip WhatsApp", "Failed", "End");
        await Assertions.Expect(page.GetByTestId("problems-button")).ToHaveTextAsync("✓ Valid", new() { Timeout = 10_000 });
        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.GetByTestId("saved-state")).ToBeVisibleAsync();

        var text = await File.ReadAllTextAsync(Path.Combine(server.WorkflowsDirectory, "template-welcome.json"));
        using var validation = await server.Http.PostAsync(new Uri("/api/journeys/validate", UriKind.Relative), new StringContent(text, Encoding.UTF8, "application/json"));
        var result = await validation.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(result!["valid"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Empty(result["problems"]!.AsArray());

        var send = JsonNode.Parse(text)!["root"]!["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Journeys.SendInfobipWhatsApp")!;
        Assert.Equal("welcome_offer", send["templateName"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal("en", send["language"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal("List<String>", send["placeholders"]!["typeName"]!.GetValue<string>());
        Assert.Equal(
            ["{{ customer.first_name }}", "{{ customer.promo_code | string.upcase }}"],
            send["placeholders"]!["expression"]!["value"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Null(send["mediaUrl"]);
        Assert.Null(send["buttonParameters"]);
        await page.Context.CloseAsync();
    }
}

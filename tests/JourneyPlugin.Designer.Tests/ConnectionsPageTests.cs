using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JourneyPlugin.Designer.Tests;

[Collection(DesignerTests.Name)]
public sealed class ConnectionsPageTests(DesignerServer server)
{
    [Fact]
    public async Task Quick_Test_on_the_sandbox_connection_shows_the_accepted_answer_as_the_vendor_gave_it()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/connections");
        var card = page.GetByTestId("connection-sandbox");
        await Assertions.Expect(card).ToContainTextAsync("read-only");
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Edit" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("webhook-delivery-sandbox")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("/webhooks/infobip/sandbox/delivery-reports$"));

        await page.GetByTestId("quick-test-sandbox").ClickAsync();
        await page.GetByTestId("quick-test-to").FillAsync("84912345678");
        await page.GetByTestId("quick-test-send").ClickAsync();
        var result = page.GetByTestId("quick-test-result");
        await Assertions.Expect(result).ToContainTextAsync("Accepted by Infobip", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("quick-test-reading")).ToContainTextAsync("The connection works");
        await Assertions.Expect(page.GetByTestId("quick-test-vendor-response")).ToContainTextAsync("\"messageId\"");
        await DesignerServer.ScreenshotAsync(page, "06-connections-quick-test");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_connection_is_created_after_its_field_errors_are_fixed_and_listed_with_its_key_masked()
    {
        var sandboxBaseUrl = (await server.Http.GetFromJsonAsync<JsonObject>(new Uri("/api/connections/sandbox", UriKind.Relative)))!["baseUrl"]!.GetValue<string>();
        var page = await server.NewPageAsync();
        await page.GotoAsync("/connections");
        await page.GetByTestId("new-connection").ClickAsync();

        await page.GetByTestId("connection-name").FillAsync("Marketing VN");
        await page.GetByTestId("connection-baseUrl").FillAsync("http://example.com/path");
        await page.GetByTestId("connection-sender").FillAsync("+84 912 000 111");
        await page.GetByTestId("connection-webhookHmacSecret").FillAsync("short");
        await page.GetByTestId("connection-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-name-error")).ToContainTextAsync("lowercase letters");
        await Assertions.Expect(page.GetByTestId("connection-apiKey-error")).ToContainTextAsync("is empty");
        await Assertions.Expect(page.GetByTestId("connection-baseUrl-error")).ToContainTextAsync("plain http");
        await Assertions.Expect(page.GetByTestId("connection-sender-error")).ToContainTextAsync("without the plus sign");
        await Assertions.Expect(page.GetByTestId("connection-webhookHmacSecret-error")).ToContainTextAsync("at least 16 characters");
        await DesignerServer.ScreenshotAsync(page, "07-connection-form-errors");
        using (var list = await server.Http.GetAsync(new Uri("/api/connections/marketing-vn", UriKind.Relative)))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, list.StatusCode);
        }

        const string apiKey = "bogus-key-0000-7f3a";
        await page.GetByTestId("connection-name").FillAsync("marketing-vn");
        await page.GetByTestId("connection-baseUrl").FillAsync(sandboxBaseUrl);
        await page.GetByTestId("connection-apiKey").FillAsync(apiKey);
        await page.GetByTestId("connection-sender").FillAsync("84912000111");
        await page.GetByTestId("connection-quickTestRecipient").FillAsync("84912345678");
        await page.GetByTestId("connection-webhookHmacSecret").FillAsync("a-long-enough-hmac-secret");
        await page.GetByTestId("connection-save").ClickAsync();

        var card = page.GetByTestId("connection-marketing-vn");
        await Assertions.Expect(card).ToContainTextAsync("HMAC signature");
        await Assertions.Expect(page.GetByTestId("connection-marketing-vn-key")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("7f3a$"));
        Assert.DoesNotContain(apiKey, await page.ContentAsync(), StringComparison.Ordinal);
        await DesignerServer.ScreenshotAsync(page, "08-connections");
        var stored = await server.Http.GetFromJsonAsync<JsonObject>(new Uri("/api/connections/marketing-vn", UriKind.Relative));
        Assert.Equal("84912000111", stored!["sender"]!.GetValue<string>());
        Assert.True(stored["webhooks"]!["hmac"]!.GetValue<bool>());

        // The sandbox refuses the bogus key: Quick Test shows the refusal and the vendor's answer as is.
        await page.GetByTestId("quick-test-marketing-vn").ClickAsync();
        await page.GetByTestId("quick-test-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("quick-test-result")).ToContainTextAsync("HTTP 422", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("quick-test-reading")).ToContainTextAsync("refused the API key");
        await Assertions.Expect(page.GetByTestId("quick-test-vendor-response")).ToContainTextAsync("requestError");
        await page.Keyboard.PressAsync("Escape");

        // Editing keeps the key when its field is left empty; a bad number is named under its field.
        await page.GetByTestId("edit-marketing-vn").ClickAsync();
        await page.GetByTestId("connection-quickTestRecipient").FillAsync("12");
        await page.GetByTestId("connection-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-quickTestRecipient-error")).ToBeVisibleAsync();
        await page.GetByTestId("connection-quickTestRecipient").FillAsync("84987654321");
        await page.GetByTestId("connection-save").ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("+84987654321");
        await Assertions.Expect(page.GetByTestId("connection-marketing-vn-key")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("7f3a$"));

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByTestId("delete-marketing-vn").ClickAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0);
        using var deleted = await server.Http.GetAsync(new Uri("/api/connections/marketing-vn", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, deleted.StatusCode);
        await page.Context.CloseAsync();
    }
}

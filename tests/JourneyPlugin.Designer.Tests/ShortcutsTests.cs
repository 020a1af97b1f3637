using JourneyPlugin.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JourneyPlugin.Designer.Tests;

[Collection(DesignerTests.Name)]
public sealed class ShortcutsTests(DesignerServer server)
{
    [Fact]
    public async Task Question_mark_lists_the_shortcuts_of_the_screen_and_g_then_a_letter_goes_to_a_section()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/journeys/welcome-offer");
        await Assertions.Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(8);
        await page.Keyboard.PressAsync("Shift+Slash");
        var help = page.GetByTestId("shortcuts-help");
        await Assertions.Expect(help).ToContainTextAsync("Automatic layout");
        await Assertions.Expect(help).ToContainTextAsync("Go to runs");
        await DesignerServer.ScreenshotAsync(page, "12-shortcuts");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(help).ToHaveCountAsync(0);

        // Typing in a field is not a shortcut.
        var search = page.Locator("#toolbox-search");
        await search.PressAsync("g");
        await search.PressAsync("c");
        await Assertions.Expect(search).ToHaveValueAsync("gc");
        Assert.EndsWith("/journeys/welcome-offer", page.Url, StringComparison.Ordinal);
        await search.BlurAsync();

        await page.Locator("body").PressAsync("g");
        await page.Locator("body").PressAsync("c");
        await page.WaitForURLAsync("**/connections");
        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("r");
        await page.WaitForURLAsync("**/runs");
        await DesignerServer.ScreenshotAsync(page, "13-runs");
        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.GetByTestId("journey-welcome-offer")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("n");
        await Assertions.Expect(page.GetByTestId("journey-name")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;

namespace JourneyPlugin.Designer.Tests.Infrastructure;

/// <summary>Gestures on the designer's canvas: ports and drawn connections.</summary>
internal static class Canvas
{
    public static ILocator Port(IPage page, string node, string port) =>
        page.GetByTestId($"node-{node}").Locator($".react-flow__handle[data-handleid=\"{port}\"]");

    /// <summary>Draws a connection from <paramref name="port"/> of <paramref name="from"/> to the input of <paramref name="to"/>, as a person drags it.</summary>
    public static async Task ConnectAsync(IPage page, string from, string port, string to)
    {
        await Port(page, from, port).HoverAsync();
        await page.Mouse.DownAsync();
        var target = page.GetByTestId($"node-{to}").Locator(".react-flow__handle[data-handleid=\"In\"]");
        var box = (await target.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2), new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }
}

using System.Net;
using JourneyPlugin.Designer.Tests.Infrastructure;
using Microsoft.Playwright;

namespace JourneyPlugin.Designer.Tests;

[Collection(DesignerTests.Name)]
public sealed class JourneysPageTests(DesignerServer server)
{
    [Fact]
    public async Task The_server_serves_the_designer_at_the_root_and_its_routes_but_not_unknown_api_paths()
    {
        using var root = await server.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Contains("<div id=\"root\">", await root.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var deepLink = await server.Http.GetAsync(new Uri("/journeys/welcome-offer", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, deepLink.StatusCode);
        Assert.Equal("text/html", deepLink.Content.Headers.ContentType?.MediaType);

        using var unknownApi = await server.Http.GetAsync(new Uri("/api/no-such-endpoint", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknownApi.StatusCode);
        Assert.Equal("application/problem+json", unknownApi.Content.Headers.ContentType?.MediaType);

        using var health = await server.Http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("application/json", health.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_journeys_page_lists_the_journeys_of_the_workflows_folder()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/");
        foreach (var id in new[] { "abandoned-cart", "appointment-reminder", "welcome-offer" })
        {
            await Assertions.Expect(page.GetByTestId($"journey-{id}")).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.GetByTestId("journey-welcome-offer")).ToContainTextAsync("Welcome offer");
        await DesignerServer.ScreenshotAsync(page, "01-journeys");

        await page.GetByPlaceholder("Filter journeys").FillAsync("cart");
        await Assertions.Expect(page.GetByTestId("journey-welcome-offer")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("journey-abandoned-cart")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}

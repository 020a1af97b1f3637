using System.Net;
using System.Text;
using JourneyPlugin.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace JourneyPlugin.Server.Tests.Api;

/// <summary>
/// Outside Development minimal APIs do not throw on a binding failure by default and answer a bare 400; the
/// server makes them throw so the reason reaches the caller as a problem there too.
/// </summary>
public sealed class ProductionBadRequestTests(ProductionBadRequestTests.ProductionServerFactory factory) : IClassFixture<ProductionBadRequestTests.ProductionServerFactory>
{
    [Fact]
    public async Task Broken_json_for_a_bound_body_is_a_400_naming_the_path_in_production()
    {
        using var client = factory.CreateClient();
        using var content = new StringContent("{\"from\": \"84912345678\", \"text\": ", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/sandbox/replies", content);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Malformed JSON", problem.GetProperty("title").GetString());
        Assert.Equal("$.text", problem.GetProperty("jsonPath").GetString());
        Assert.Contains("LineNumber: 0 | BytePositionInLine: 32", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The server in the Production environment.</summary>
    public sealed class ProductionServerFactory : ServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}

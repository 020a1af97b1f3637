using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using JourneyPlugin.Workflows.Expressions;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Benchmarks.Micro;

/// <summary>
/// Renders a typical marketing message with the renderer the Send step uses, its template parsed
/// once and cached: what each message of a campaign costs in templating.
/// </summary>
[MemoryDiagnoser]
public class TemplateRenderBenchmarks
{
    /// <summary>A greeting, two attributes, a variable, a condition and a filter.</summary>
    public const string Template =
        "Hi {{ customer.first_name }}! Your code {{ customer.promo_code }} takes {{ Variables.Discount }}% off your basket of "
        + "{{ customer.cart_items }} items{{ if customer.tier == \"gold\" }}, and shipping is free{{ end }}. "
        + "Offer ends {{ customer.offer_ends | string.upcase }}. Reply YES to claim it.";

    private readonly ScribanTemplateRenderer _renderer = new(Options.Create(new TemplateOptions()), TimeProvider.System);

    private readonly ExpressionModel _model = new()
    {
        Customer = new JsonObject
        {
            ["phone"] = "84912345678",
            ["first_name"] = "Lan",
            ["promo_code"] = "WELCOME15",
            ["cart_items"] = 3,
            ["tier"] = "gold",
            ["offer_ends"] = "sunday",
        },
        Variables = new Dictionary<string, JsonNode?> { ["Discount"] = 15 },
        CorrelationId = "c42",
    };

    /// <summary>Fills the cache, as the first message of a run does.</summary>
    [GlobalSetup]
    public void Setup() => Render().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "Scriban render, cached template")]
    public ValueTask<string> Render() => _renderer.RenderAsync(Template, TemplateSyntax.Scriban, _model);
}

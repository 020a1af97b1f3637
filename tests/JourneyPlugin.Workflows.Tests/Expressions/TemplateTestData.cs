using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Expressions;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Workflows.Tests.Expressions;

/// <summary>A renderer factory and the customer, variables and input most tests render against.</summary>
internal static class TemplateTestData
{
    public const string CustomerJson = """
        {
          "first_name": "Ann",
          "last_name": "Lee",
          "age": 34,
          "tier": "gold",
          "balance": 12.5,
          "vip": true,
          "address": { "city": "Hanoi", "geo": { "lat": 21.03 } },
          "cart": [
            { "name": "Tea", "qty": 2, "price": 1.5 },
            { "name": "Cake", "qty": 1, "price": 3.25 }
          ],
          "tags": ["new", "promo"]
        }
        """;

    public static ExpressionModel Model() => new()
    {
        Customer = JsonNode.Parse(CustomerJson)!.AsObject(),
        Variables = new Dictionary<string, JsonNode?>
        {
            ["OrderId"] = "A-17",
            ["Score"] = 5,
            ["Count"] = 1,
            ["Flag"] = true,
            ["Nothing"] = null,
        },
        Input = new Dictionary<string, JsonNode?> { ["Channel"] = "whatsapp" },
        CorrelationId = "corr-1",
        WorkflowInstanceId = "wf-1",
    };

    public static ScribanTemplateRenderer Renderer(Action<TemplateOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new TemplateOptions();
        configure?.Invoke(options);
        return new ScribanTemplateRenderer(Options.Create(options), timeProvider ?? TimeProvider.System);
    }

    /// <summary>Renders against <see cref="Model"/> unless told otherwise.</summary>
    public static async Task<string> RenderModelAsync(this ITemplateRenderer renderer, string template, TemplateSyntax syntax = TemplateSyntax.Scriban, ExpressionModel? model = null)
        => await renderer.RenderAsync(template, syntax, model ?? Model());

    /// <summary>Evaluates against <see cref="Model"/>.</summary>
    public static async Task<object?> EvaluateModelAsync(this ITemplateRenderer renderer, string expression, TemplateSyntax syntax = TemplateSyntax.Scriban)
        => await renderer.EvaluateAsync(expression, syntax, Model());

    /// <summary>Renders against <see cref="Model"/> and returns the failure.</summary>
    public static async Task<TemplateRenderException> RenderFailsAsync(this ITemplateRenderer renderer, string template, TemplateSyntax syntax = TemplateSyntax.Scriban, ExpressionModel? model = null)
        => await Assert.ThrowsAsync<TemplateRenderException>(() => renderer.RenderAsync(template, syntax, model ?? Model()).AsTask());
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Expressions;

namespace JourneyPlugin.Workflows.Tests.Expressions;

public sealed class TemplateConcurrencyTests
{
    // Valid in both syntaxes.
    private const string Template = "Hi {{ customer.first_name }}, order {{ Variables.OrderId }}: {{ customer.cart[0].name }}";

    [Fact]
    public async Task Renders_the_same_template_in_parallel()
    {
        var renderer = TemplateTestData.Renderer();
        var results = new ConcurrentDictionary<int, string>();

        await Parallel.ForAsync(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancellationToken) =>
        {
            var model = new ExpressionModel
            {
                Customer = new JsonObject { ["first_name"] = $"C{i}", ["cart"] = new JsonArray(new JsonObject { ["name"] = $"item{i}" }) },
                Variables = new Dictionary<string, JsonNode?> { ["OrderId"] = i },
            };
            results[i] = await renderer.RenderAsync(Template, i % 2 == 0 ? TemplateSyntax.Scriban : TemplateSyntax.Liquid, model, cancellationToken);
        });

        for (var i = 0; i < 2000; i++)
        {
            Assert.Equal($"Hi C{i}, order {i}: item{i}", results[i]);
        }

        // One parse per syntax, even though the first renders raced for it.
        Assert.Equal(2, renderer.ParseCount);
    }

    [Fact]
    public async Task Keeps_good_renders_right_while_bad_ones_fail_beside_them()
    {
        var renderer = TemplateTestData.Renderer(options => options.Timeout = TimeSpan.FromMilliseconds(500));
        var failures = 0;

        await Parallel.ForAsync(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            if (i % 4 == 0)
            {
                try
                {
                    await renderer.RenderAsync("{{ while true }}{{ end }}", TemplateSyntax.Scriban, ExpressionModel.Empty, cancellationToken);
                }
                catch (TemplateRenderException exception) when (exception.Kind == TemplateFailureKind.LoopLimit)
                {
                    Interlocked.Increment(ref failures);
                }

                return;
            }

            Assert.Equal("Hi Ann", await renderer.RenderAsync("Hi {{ customer.first_name }}", TemplateSyntax.Scriban, TemplateTestData.Model(), cancellationToken));
        });

        Assert.Equal(100, failures);
    }
}

using JourneyPlugin.Workflows.Expressions;

namespace JourneyPlugin.Workflows.Tests.Expressions;

public sealed class TemplateCacheTests
{
    [Fact]
    public async Task Parses_a_template_once()
    {
        var renderer = TemplateTestData.Renderer();

        Assert.Equal("Hi Ann", await renderer.RenderModelAsync("Hi {{ customer.first_name }}"));
        Assert.Equal("Hi Ann", await renderer.RenderModelAsync("Hi {{ customer.first_name }}"));
        Assert.Empty(renderer.Check("Hi {{ customer.first_name }}", TemplateSyntax.Scriban));

        Assert.Equal(1, renderer.ParseCount);
    }

    [Fact]
    public async Task Keys_by_syntax_and_by_template_or_expression()
    {
        var renderer = TemplateTestData.Renderer();

        await renderer.RenderModelAsync("{{ customer.first_name }}");
        await renderer.RenderModelAsync("{{ customer.first_name }}", TemplateSyntax.Liquid);
        await renderer.EvaluateModelAsync("customer.first_name");
        await renderer.EvaluateModelAsync("customer.first_name", TemplateSyntax.Liquid);
        await renderer.RenderModelAsync("customer.first_name");
        await renderer.EvaluateModelAsync("customer.first_name");

        Assert.Equal(5, renderer.ParseCount);
    }

    [Fact]
    public async Task Caches_syntax_errors_too()
    {
        var renderer = TemplateTestData.Renderer();

        await renderer.RenderFailsAsync("{{ if }}");
        await renderer.RenderFailsAsync("{{ if }}");
        Assert.NotEmpty(renderer.Check("{{ if }}", TemplateSyntax.Scriban));

        Assert.Equal(1, renderer.ParseCount);
    }

    [Fact]
    public async Task Stays_within_its_capacity()
    {
        var renderer = TemplateTestData.Renderer(options => options.CacheCapacity = 10);

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal($"{i}:Ann", await renderer.RenderModelAsync($"{i}:{{{{ customer.first_name }}}}"));
            Assert.InRange(renderer.CachedCount, 1, 10);
        }

        Assert.Equal(50, renderer.ParseCount);
        Assert.Equal("49:Ann", await renderer.RenderModelAsync("49:{{ customer.first_name }}"));
        Assert.Equal(50, renderer.ParseCount);
    }

    [Fact]
    public async Task Evicts_the_least_recently_used_first()
    {
        var renderer = TemplateTestData.Renderer(options => options.CacheCapacity = 10);
        await renderer.RenderModelAsync("hot");
        for (var i = 0; i < 9; i++)
        {
            await renderer.RenderModelAsync($"cold {i}");
        }

        // The clock is coarse: let "hot" be visibly more recent than the cold ones before it overflows the cache.
        await Task.Delay(50);
        await renderer.RenderModelAsync("hot");
        await renderer.RenderModelAsync("overflow");
        var parsed = renderer.ParseCount;

        await renderer.RenderModelAsync("hot");

        Assert.Equal(parsed, renderer.ParseCount);
    }
}

using JourneyPlugin.Workflows.Expressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JourneyPlugin.Workflows.Tests.Expressions;

public sealed class TemplateOptionsTests
{
    [Fact]
    public void Defaults_match_the_design()
    {
        var options = new TemplateOptions();

        Assert.Equal(1000, options.LoopLimit);
        Assert.Equal(20, options.RecursionLimit);
        Assert.Equal(65536, options.MaxOutputLength);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Timeout);
        Assert.Equal(1024, options.CacheCapacity);
    }

    [Fact]
    public async Task Registers_one_renderer_with_the_configured_limits()
    {
        using var services = new ServiceCollection()
            .AddJourneyTemplates(options => options.LoopLimit = 3)
            .BuildServiceProvider();

        var renderer = services.GetRequiredService<ITemplateRenderer>();

        Assert.Same(renderer, services.GetRequiredService<ITemplateRenderer>());
        Assert.IsType<ScribanTemplateRenderer>(renderer);
        var failure = await renderer.RenderFailsAsync("{{ for i in 1..4 }}{{ end }}");
        Assert.Equal("The template ran more than 3 loop iterations (line 1, column 14).", failure.Message);
    }

    [Fact]
    public async Task Uses_a_registered_time_provider()
    {
        using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero)))
            .AddJourneyTemplates()
            .BuildServiceProvider();

        var renderer = services.GetRequiredService<ITemplateRenderer>();

        Assert.Equal("2030", await renderer.RenderModelAsync("{{ date.utc_now.year }}"));
    }

    [Fact]
    public void Rejects_limits_that_switch_the_sandbox_off()
    {
        using var services = new ServiceCollection()
            .AddJourneyTemplates(options =>
            {
                options.LoopLimit = 0;
                options.Timeout = TimeSpan.Zero;
            })
            .BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<ITemplateRenderer>());

        Assert.Equal(
            ["LoopLimit must be greater than 0 (was 0).", "Timeout must be greater than 0 and at most 1 day (was 00:00:00)."],
            failure.Failures);
    }

    [Theory]
    [InlineData(0, 20, 100, 1000, 10, "LoopLimit must be greater than 0 (was 0).")]
    [InlineData(10, -1, 100, 1000, 10, "RecursionLimit must be greater than 0 (was -1).")]
    [InlineData(10, 20, 0, 1000, 10, "MaxOutputLength must be between 1 and 67108864 (was 0).")]
    [InlineData(10, 20, 67108865, 1000, 10, "MaxOutputLength must be between 1 and 67108864 (was 67108865).")]
    [InlineData(10, 20, 100, -5, 10, "Timeout must be greater than 0 and at most 1 day (was -00:00:00.0050000).")]
    [InlineData(10, 20, 100, 1000, 0, "CacheCapacity must be greater than 0 (was 0).")]
    public void Validator_names_the_bad_option(int loopLimit, int recursionLimit, int maxOutputLength, int timeoutMilliseconds, int cacheCapacity, string expected)
    {
        var options = new TemplateOptions
        {
            LoopLimit = loopLimit,
            RecursionLimit = recursionLimit,
            MaxOutputLength = maxOutputLength,
            Timeout = TimeSpan.FromMilliseconds(timeoutMilliseconds),
            CacheCapacity = cacheCapacity,
        };

        var result = new TemplateOptionsValidator().Validate(Options.DefaultName, options);

        Assert.Equal([expected], result.Failures);
    }

    [Fact]
    public void Renderer_built_by_hand_validates_too()
    {
        Assert.Throws<OptionsValidationException>(() => TemplateTestData.Renderer(options => options.CacheCapacity = 0));
    }
}

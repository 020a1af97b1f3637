using JourneyPlugin.Workflows.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace JourneyPlugin.Workflows.Tests.Expressions;

public sealed class TemplateClockTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero));

    [Fact]
    public async Task Date_now_reads_the_injected_clock()
    {
        var renderer = TemplateTestData.Renderer(timeProvider: _clock);

        Assert.Equal("2025-03-14 09:26:53", await renderer.RenderModelAsync("{{ date.now | date.to_string '%Y-%m-%d %H:%M:%S' }}"));
        Assert.Equal("2025", await renderer.RenderModelAsync("{{ date.utc_now.year }}"));
        Assert.Equal("2025", await renderer.RenderModelAsync("{{ date.now.year }}", TemplateSyntax.Liquid));
    }

    [Fact]
    public async Task Date_now_moves_with_the_clock()
    {
        var renderer = TemplateTestData.Renderer(timeProvider: _clock);

        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal("15 Mar 2025", await renderer.RenderModelAsync("{{ date.now | date.to_string '%d %b %Y' }}"));
    }

    [Fact]
    public async Task Date_now_is_local_to_the_clocks_time_zone()
    {
        _clock.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "UTC+07", "UTC+07"));
        var renderer = TemplateTestData.Renderer(timeProvider: _clock);

        Assert.Equal("16:26 09:26", await renderer.RenderModelAsync("{{ date.now | date.to_string '%H:%M' }} {{ date.utc_now | date.to_string '%H:%M' }}"));
    }

    [Fact]
    public async Task Evaluates_with_the_injected_clock()
    {
        var renderer = TemplateTestData.Renderer(timeProvider: _clock);

        Assert.Equal(true, await renderer.EvaluateAsync("date.now > (date.parse '2025-03-01')", TemplateSyntax.Scriban, ExpressionModel.Empty));
        Assert.Equal(14L, await renderer.EvaluateAsync("date.now.day", TemplateSyntax.Scriban, ExpressionModel.Empty));
    }

    [Theory]
    [InlineData("{{ 'now' | date: '%Y-%m-%d %H:%M' }}", "2025-03-14 09:26")]
    [InlineData("{{ 'today' | date: '%Y-%m-%d %H:%M' }}", "2025-03-14 00:00")]
    [InlineData("{{ date.now | date: '%d.%m.%Y' }}", "14.03.2025")]
    [InlineData("{{ '2024-05-06' | date: '%d/%m/%Y' }}", "06/05/2024")]
    [InlineData("{{ 0 | date: '%Y' }}", "1970")]
    [InlineData("{{ 'not a date' | date: '%Y' }}", "not a date")]
    public async Task Liquid_date_filter_works_as_in_fluid(string template, string expected)
    {
        var renderer = TemplateTestData.Renderer(timeProvider: _clock);

        Assert.Equal(expected, await renderer.RenderModelAsync(template, TemplateSyntax.Liquid));
    }
}

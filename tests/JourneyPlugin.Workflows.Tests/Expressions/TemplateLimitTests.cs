using System.Diagnostics;
using JourneyPlugin.Workflows.Expressions;
using Microsoft.Extensions.Time.Testing;

namespace JourneyPlugin.Workflows.Tests.Expressions;

public sealed class TemplateLimitTests
{
    private readonly ScribanTemplateRenderer _renderer = TemplateTestData.Renderer();

    [Fact]
    public async Task Stops_an_endless_while_loop()
    {
        var failure = await _renderer.RenderFailsAsync("Hi {{ while true }}{{ end }}");

        Assert.Equal(TemplateFailureKind.LoopLimit, failure.Kind);
        Assert.Equal("The template ran more than 1000 loop iterations (line 1, column 7).", failure.Message);
        Assert.Equal((1, 7), (failure.Line, failure.Column));
    }

    [Fact]
    public async Task Stops_a_huge_range_before_it_runs()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var failure = await _renderer.RenderFailsAsync("{{ for i in 1..100000000 }}x{{ end }}");

        Assert.Equal(TemplateFailureKind.LoopLimit, failure.Kind);
        Assert.Equal("The template ran more than 1000 loop iterations (line 1, column 14).", failure.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000);
    }

    [Fact]
    public async Task Counts_nested_loops_together()
    {
        var failure = await _renderer.RenderFailsAsync("{{ for i in 1..100 }}{{ for j in 1..100 }}.{{ end }}{{ end }}");

        Assert.Equal(TemplateFailureKind.LoopLimit, failure.Kind);
    }

    [Fact]
    public async Task Applies_a_configured_loop_limit()
    {
        var renderer = TemplateTestData.Renderer(options => options.LoopLimit = 5);

        Assert.Equal("12345", await renderer.RenderModelAsync("{{ for i in 1..5 }}{{ i }}{{ end }}"));
        var failure = await renderer.RenderFailsAsync("{{ for i in 1..6 }}{{ i }}{{ end }}");
        Assert.Equal("The template ran more than 5 loop iterations (line 1, column 14).", failure.Message);
    }

    [Fact]
    public async Task Stops_deep_recursion()
    {
        var failure = await _renderer.RenderFailsAsync("{{ func down(n) }}{{ ret down(n + 1) }}{{ end }}{{ down(1) }}");

        Assert.Equal(TemplateFailureKind.RecursionLimit, failure.Kind);
        Assert.Equal("The template nested function calls more than 20 levels deep (line 1, column 26).", failure.Message);
    }

    [Fact]
    public async Task Allows_recursion_within_the_limit()
    {
        Assert.Equal("120", await _renderer.RenderModelAsync("{{ func fact(n) }}{{ if n <= 1; ret 1; end; ret n * fact(n - 1) }}{{ end }}{{ fact(5) }}"));
    }

    [Fact]
    public async Task Stops_output_as_soon_as_it_passes_the_limit()
    {
        var renderer = TemplateTestData.Renderer(options => options.MaxOutputLength = 100);

        Assert.Equal(new string('x', 100), await renderer.RenderModelAsync("{{ for i in 1..100 }}x{{ end }}"));
        var failure = await renderer.RenderFailsAsync("{{ for i in 1..101 }}x{{ end }}");
        Assert.Equal(TemplateFailureKind.OutputLimit, failure.Kind);
        Assert.Equal("The output would exceed 100 characters (line 1, column 22).", failure.Message);
    }

    [Fact]
    public async Task Stops_output_that_grows_in_big_pieces()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var failure = await _renderer.RenderFailsAsync("{{ for i in 1..1000 }}{{ '0123456789' * 1000 }}{{ end }}");

        Assert.Equal(TemplateFailureKind.OutputLimit, failure.Kind);
        Assert.Equal("The output would exceed 65536 characters (line 1, column 21).", failure.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000);
    }

    [Fact]
    public async Task Counts_only_what_reaches_the_output()
    {
        // 40,000 characters captured and written once, plus 20,000 more: 60,000 within the 65,536 limit.
        const string Template = "{{ capture x }}{{ '0123456789' * 4000 }}{{ end }}{{ x }}{{ '0123456789' * 2000 }}";

        var text = await _renderer.RenderModelAsync(Template);

        Assert.Equal(60_000, text.Length);
        Assert.EndsWith("0123456789", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stops_captured_text_written_past_the_limit()
    {
        var failure = await _renderer.RenderFailsAsync("{{ capture x }}{{ '0123456789' * 4000 }}{{ end }}{{ x }}{{ x }}");

        Assert.Equal(TemplateFailureKind.OutputLimit, failure.Kind);
        Assert.StartsWith("The output would exceed 65536 characters", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stops_a_huge_string_multiplication()
    {
        var failure = await _renderer.RenderFailsAsync("{{ 'x' * 100000000 }}");

        Assert.Equal(TemplateFailureKind.OutputLimit, failure.Kind);
        Assert.Equal("A text value would exceed 65536 characters (line 1, column 10).", failure.Message);
    }

    [Fact]
    public async Task Stops_a_string_doubling_loop_without_allocating_gigabytes()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        // Nothing is written: the limit must hold for values, not only for the output.
        var failure = await _renderer.RenderFailsAsync("{{ s = 'x'; for i in 1..100; s = s + s; end }}");

        Assert.Equal(TemplateFailureKind.OutputLimit, failure.Kind);
        Assert.Equal("A text value would exceed 65536 characters (line 1, column 34).", failure.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000);
    }

    [Fact]
    public async Task Stops_a_string_replace_blow_up()
    {
        var failure = await _renderer.RenderFailsAsync("{{ s = 'x' * 60000; s | string.replace 'x' 'yy' }}");

        Assert.Equal(TemplateFailureKind.OutputLimit, failure.Kind);
    }

    [Fact]
    public async Task Stops_a_slow_template_by_the_wall_clock()
    {
        var renderer = TemplateTestData.Renderer(options =>
        {
            options.LoopLimit = int.MaxValue;
            options.Timeout = TimeSpan.FromMilliseconds(200);
        });
        var watch = Stopwatch.StartNew();

        var failure = await renderer.RenderFailsAsync("{{ while true }}{{ end }}");

        Assert.Equal(TemplateFailureKind.TimeLimit, failure.Kind);
        Assert.Equal("Rendering took longer than 200 ms (line 1, column 4).", failure.Message);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Stops_slow_recursion_by_the_wall_clock()
    {
        // Three calls per level: 3^19 calls, no loop at all, within the recursion limit.
        var renderer = TemplateTestData.Renderer(options => options.Timeout = TimeSpan.FromMilliseconds(200));

        var failure = await renderer.RenderFailsAsync("{{ func f(n) }}{{ if n > 0; f(n - 1); f(n - 1); f(n - 1); end }}{{ end }}{{ f(19) }}");

        Assert.Equal(TemplateFailureKind.TimeLimit, failure.Kind);
    }

    [Fact]
    public async Task Measures_time_with_the_injected_clock()
    {
        var clock = new FakeTimeProvider();
        var renderer = TemplateTestData.Renderer(
            options =>
            {
                options.LoopLimit = int.MaxValue;
                options.Timeout = TimeSpan.FromSeconds(1);
            },
            clock);

        var render = Task.Run(() => renderer.RenderAsync("Hi {{ while true }}{{ end }}", TemplateSyntax.Scriban, ExpressionModel.Empty).AsTask());
        var watch = Stopwatch.StartNew();
        while (!render.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(10);
        }

        var failure = await Assert.ThrowsAsync<TemplateRenderException>(() => render);
        Assert.Equal(TemplateFailureKind.TimeLimit, failure.Kind);
        Assert.Equal("Rendering took longer than 1 s (line 1, column 7).", failure.Message);
    }

    [Fact]
    public async Task Gives_the_callers_cancellation_back_as_cancellation()
    {
        // The render's own time limit on a clock that never moves: on a loaded machine the 1 s limit's timer
        // could fire in the same timer pass as the caller's, and which of the two wins is then a race.
        var renderer = TemplateTestData.Renderer(options => options.LoopLimit = int.MaxValue, new FakeTimeProvider());
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        // Bounded: a render that ignored the caller would otherwise loop until the run's hang time-out.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => renderer.RenderAsync("{{ while true }}{{ end }}", TemplateSyntax.Scriban, ExpressionModel.Empty, cancellation.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Does_not_start_when_already_canceled()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _renderer.RenderAsync("Hi", TemplateSyntax.Scriban, ExpressionModel.Empty, new CancellationToken(canceled: true)).AsTask());
    }

    [Fact]
    public async Task Stays_healthy_after_many_bad_templates()
    {
        var renderer = TemplateTestData.Renderer(options => options.Timeout = TimeSpan.FromMilliseconds(200));
        string[] bad =
        [
            "{{ while true }}{{ end }}",
            "{{ func f(n) }}{{ ret f(n + 1) }}{{ end }}{{ f(0) }}",
            "{{ for i in 1..1000 }}{{ 'x' * 1000 }}{{ end }}",
            "{{ s = 'x'; for i in 1..100; s = s + s; end }}",
            "{{ func f(n) }}{{ if n > 0; f(n - 1); f(n - 1); f(n - 1); end }}{{ end }}{{ f(19) }}",
            "{{ nope() }}",
            "{{ if }}",
            "{{ import 'System' }}",
        ];

        for (var round = 0; round < 3; round++)
        {
            foreach (var template in bad)
            {
                await renderer.RenderFailsAsync(template);
            }
        }

        Assert.Equal("Hi Ann, 3 items.", await renderer.RenderModelAsync("Hi {{ customer.first_name }}, {{ customer.cart[0].qty + customer.cart[1].qty }} items."));
        Assert.Equal("Hi ANN", await renderer.RenderModelAsync("Hi {{ customer.first_name | upcase }}", TemplateSyntax.Liquid));
    }

    [Fact]
    public async Task Reports_runtime_errors_with_their_place()
    {
        var failure = await _renderer.RenderFailsAsync("Hi\n{{ customer.first_name | no_such_function }}");

        Assert.Equal(TemplateFailureKind.Runtime, failure.Kind);
        Assert.Equal("The template failed at line 2, column 26: The function `no_such_function` was not found", failure.Message);
        Assert.Equal((2, 26), (failure.Line, failure.Column));
    }
}

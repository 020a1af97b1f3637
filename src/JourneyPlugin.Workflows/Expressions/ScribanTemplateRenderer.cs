using Microsoft.Extensions.Options;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>
/// Renders Scriban and Liquid templates with Scriban, sandboxed by <see cref="TemplateOptions"/>: loop, recursion,
/// output-size and time limits, no template loader, and no .NET members beyond the <see cref="ExpressionModel"/>.
/// </summary>
/// <remarks>
/// Parsed templates are cached by syntax and text. Liquid expressions are parsed inside <c>{{ … }}</c> and their one
/// expression is evaluated directly, so <c>Variables.Count | plus: 1</c> gives the number 2, not the text "2".
/// <c>date.now</c> and <c>date.utc_now</c> read the injected <see cref="TimeProvider"/>, which also drives the time limit.
/// </remarks>
public sealed class ScribanTemplateRenderer : ITemplateRenderer
{
    private const string Rendering = "Rendering";
    private const string Evaluating = "Evaluating the expression";

    private readonly TemplateOptions _options;
    private readonly TemplateCache _cache;
    private readonly SandboxedTemplateContextPool _scribanContexts;
    private readonly SandboxedTemplateContextPool _liquidContexts;
    private readonly Func<TemplateCacheKey, CompiledTemplate> _compile;
    private long _parseCount;

    /// <summary>Initializes a new instance of the <see cref="ScribanTemplateRenderer"/> class.</summary>
    /// <param name="options">The sandbox limits and cache size.</param>
    /// <param name="timeProvider">The clock for <c>date.now</c> and the time limit.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public ScribanTemplateRenderer(IOptions<TemplateOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);

        // A private copy: the limits of a renderer do not move under running renders.
        var value = options.Value;
        _options = new TemplateOptions
        {
            LoopLimit = value.LoopLimit,
            RecursionLimit = value.RecursionLimit,
            MaxOutputLength = value.MaxOutputLength,
            Timeout = value.Timeout,
            CacheCapacity = value.CacheCapacity,
        };
        var validation = new TemplateOptionsValidator().Validate(Options.DefaultName, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TemplateOptions), validation.Failures);
        }

        var scribanBuiltins = SandboxBuiltins.CreateScriban(timeProvider);
        var liquidBuiltins = SandboxBuiltins.CreateLiquid(timeProvider);
        _scribanContexts = new(() => new SandboxedTemplateContext(scribanBuiltins, TemplateSyntax.Scriban, _options, timeProvider));
        _liquidContexts = new(() => new SandboxedTemplateContext(liquidBuiltins, TemplateSyntax.Liquid, _options, timeProvider));
        _cache = new TemplateCache(_options.CacheCapacity);
        _compile = key =>
        {
            Interlocked.Increment(ref _parseCount);
            return TemplateCompiler.Compile(key);
        };
    }

    /// <summary>How many texts this renderer has parsed (cache misses), for tests.</summary>
    internal long ParseCount => Interlocked.Read(ref _parseCount);

    /// <summary>How many parsed texts the cache holds, for tests.</summary>
    internal int CachedCount => _cache.Count;

    /// <inheritdoc />
    public ValueTask<string> RenderAsync(string template, TemplateSyntax syntax, ExpressionModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(model);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<string>(cancellationToken);
        }

        try
        {
            var compiled = GetCompiled(syntax, CompiledTemplateKind.Template, template);
            if (compiled.Diagnostics.Count > 0)
            {
                throw TemplateFailures.Syntax(compiled.Diagnostics, "template");
            }

            return new(Run(compiled, syntax, model, Rendering, static (context, compiled) => compiled.Template!.Render(context), cancellationToken));
        }
        catch (Exception exception) when (exception is TemplateRenderException or OperationCanceledException)
        {
            return ValueTask.FromException<string>(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask<object?> EvaluateAsync(string expression, TemplateSyntax syntax, ExpressionModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(model);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<object?>(cancellationToken);
        }

        try
        {
            var compiled = GetCompiled(syntax, CompiledTemplateKind.Expression, expression);
            if (compiled.Diagnostics.Count > 0)
            {
                throw TemplateFailures.Syntax(compiled.Diagnostics, "expression");
            }

            if (compiled.Template is null)
            {
                // An empty expression.
                return new((object?)null);
            }

            return new(Run(compiled, syntax, model, Evaluating, EvaluateCompiled, cancellationToken));
        }
        catch (Exception exception) when (exception is TemplateRenderException or OperationCanceledException)
        {
            return ValueTask.FromException<object?>(exception);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TemplateDiagnostic> Check(string template, TemplateSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(template);
        return GetCompiled(syntax, CompiledTemplateKind.Template, template).Diagnostics;
    }

    /// <inheritdoc />
    public IReadOnlyList<TemplateDiagnostic> CheckExpression(string expression, TemplateSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return GetCompiled(syntax, CompiledTemplateKind.Expression, expression).Diagnostics;
    }

    private static object? EvaluateCompiled(SandboxedTemplateContext context, CompiledTemplate compiled)
    {
        if (compiled.Expression is null)
        {
            return ScriptResultConverter.ToResult(compiled.Template!.Evaluate(context), context);
        }

        // A Liquid expression taken out of its template: evaluate it as Template.Evaluate would, without output.
        context.EnableOutput = false;
        try
        {
            return ScriptResultConverter.ToResult(context.Evaluate(compiled.Expression), context);
        }
        finally
        {
            context.EnableOutput = true;
        }
    }

    private CompiledTemplate GetCompiled(TemplateSyntax syntax, CompiledTemplateKind kind, string text)
    {
        if (syntax is not (TemplateSyntax.Scriban or TemplateSyntax.Liquid))
        {
            throw new ArgumentOutOfRangeException(nameof(syntax), syntax, "Unknown template syntax.");
        }

        return _cache.GetOrAdd(new TemplateCacheKey(syntax, kind, text), _compile);
    }

    private TResult Run<TResult>(
        CompiledTemplate compiled,
        TemplateSyntax syntax,
        ExpressionModel model,
        string operation,
        Func<SandboxedTemplateContext, CompiledTemplate, TResult> body,
        CancellationToken cancellationToken)
    {
        var pool = syntax == TemplateSyntax.Liquid ? _liquidContexts : _scribanContexts;
        var context = pool.Rent();
        var reusable = false;
        try
        {
            context.Begin(model, cancellationToken);
            var result = body(context, compiled);
            reusable = context.End();
            return result;
        }
        catch (Exception exception)
        {
            throw TemplateFailures.Translate(exception, context, _options, compiled, operation, cancellationToken);
        }
        finally
        {
            // A context a render broke out of (loops, calls, outputs half unwound) is never reused.
            if (reusable)
            {
                pool.Return(context);
            }
            else
            {
                context.Dispose();
            }
        }
    }
}

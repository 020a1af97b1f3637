using System.Collections;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Runtime.Accessors;
using Scriban.Syntax;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>
/// A Scriban context with the sandbox built in: limits, a bounded output, a clock-driven time limit, member access
/// restricted to script data, and the <see cref="ExpressionModel"/> converted only when a template asks for it.
/// Contexts are expensive to build, so one is reused for many renders (never two at once).
/// </summary>
internal sealed class SandboxedTemplateContext : TemplateContext, IDisposable
{
    private static readonly TryGetVariableDelegate s_resolveModel = static (TemplateContext context, SourceSpan span, ScriptVariable variable, out object? value)
        => ((SandboxedTemplateContext)context).TryResolveModel(variable.Name, out value);

    private static readonly Action<object?> s_cancel = static state => ((CancellationTokenSource)state!).Cancel();

    // Plain .NET values whose public properties are harmless to show (date.now.year, key/value pairs of a for loop).
    private static readonly Dictionary<Type, IObjectAccessor> s_valueAccessors = new()
    {
        [typeof(DateTime)] = new TypedObjectAccessor(typeof(DateTime), filter: null, StandardMemberRenamer.Default),
        [typeof(DateTimeOffset)] = new TypedObjectAccessor(typeof(DateTimeOffset), filter: null, StandardMemberRenamer.Default),
        [typeof(TimeSpan)] = new TypedObjectAccessor(typeof(TimeSpan), filter: null, StandardMemberRenamer.Default),
        [typeof(KeyValuePair<string, object?>)] = new TypedObjectAccessor(typeof(KeyValuePair<string, object?>), filter: null, StandardMemberRenamer.Default),
    };

    private const int ScribanLimitFactor = 16;

    private readonly ScriptObject _globals = new();
    private readonly BoundedScriptOutput _output;
    private readonly TimeSpan _timeout;
    private readonly int _maxTextLength;
    private readonly CancellationTokenSource _timeoutSource;
    private CancellationTokenRegistration _callerRegistration;
    private ExpressionModel _model = ExpressionModel.Empty;

    public SandboxedTemplateContext(ScriptObject builtins, TemplateSyntax syntax, TemplateOptions options, TimeProvider timeProvider)
        : base(builtins)
    {
        _timeout = options.Timeout;
        _maxTextLength = options.MaxOutputLength;
        _output = new BoundedScriptOutput(this, options.MaxOutputLength);
        _timeoutSource = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);

        LoopLimit = options.LoopLimit;
        RecursiveLimit = options.RecursionLimit;

        // Scriban refuses to build strings (*, pad, join, replace) past LimitToString, but it also silently truncates
        // output once the text written to all outputs together (captures included) passes it. A generous multiple
        // keeps every string Scriban builds small, leaves room for captured text, and lets the sandbox's own checks
        // (the bounded output, the text-value check in Evaluate) report the breach instead.
        LimitToString = (int)Math.Min(int.MaxValue, (long)options.MaxOutputLength * ScribanLimitFactor);
        RegexTimeOut = options.Timeout;
        StrictVariables = false;
        EnableRelaxedMemberAccess = true;
        EnableRelaxedTargetAccess = true;
        EnableRelaxedIndexerAccess = true;
        EnableRelaxedFunctionAccess = false;
        TemplateLoader = null;
        TryGetVariable = s_resolveModel;

        // WhatsApp text must not depend on the server's OS.
        NewLine = "\n";
        if (syntax == TemplateSyntax.Liquid)
        {
            // What LiquidTemplateContext sets, without its include support.
            Language = ScriptLang.Liquid;
            EnableBreakAndContinueAsReturnOutsideLoop = true;
            IsLiquid = true;
        }
    }

    /// <summary>
    /// The loop running now, if any. A time-limit failure names it, rather than whichever statement happened to
    /// notice the clock first.
    /// </summary>
    public SourceSpan? RunningLoop { get; private set; }

    /// <summary>Prepares one render: the model, the time limit and the caller's cancellation.</summary>
    public void Begin(ExpressionModel model, CancellationToken cancellationToken)
    {
        _model = model;
        if (cancellationToken.CanBeCanceled)
        {
            _callerRegistration = cancellationToken.UnsafeRegister(s_cancel, _timeoutSource);
        }

        // Scriban checks this token before every statement and (through OnStepLoop) every loop step.
        _timeoutSource.CancelAfter(_timeout);
        CancellationToken = _timeoutSource.Token;
        PushGlobal(_globals);
        PushOutput(_output);
    }

    /// <summary>Clears what the render left behind.</summary>
    /// <returns>Whether the context can be reused: not if its time limit fired or the caller canceled.</returns>
    public bool End()
    {
        _callerRegistration.Dispose();
        _callerRegistration = default;

        // A fired timer cannot be rearmed (nor, with some TimeProviders, a pending one): such a context is dropped.
        var reusable = _timeoutSource.TryReset();

        CancellationToken = default;
        RunningLoop = null;
        Reset();
        _globals.Clear();
        _output.Clear();
        Tags.Clear();
        ResetPreviousNewLine();
        _model = ExpressionModel.Empty;
        return reusable;
    }

    public void Dispose()
    {
        _callerRegistration.Dispose();
        _timeoutSource.Dispose();
    }

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        var result = base.Evaluate(scriptNode, aliasReturnedFunction);

        // Scriban checks some string builders (*, pad, join) but not all (replace, regex.replace, concatenation chains).
        if (result is string { Length: var length } && length > _maxTextLength && scriptNode is not null)
        {
            throw new TemplateLimitException(TemplateFailureKind.OutputLimit, scriptNode.Span, $"A text value would exceed {_maxTextLength} characters");
        }

        return result;
    }

    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        RunningLoop = loop.Span;

        // An empty loop body runs no statement, so Scriban would never look at the token: look here.
        CheckAbort();
        return true;
    }

    protected override void OnExitLoop(ScriptLoopStatementBase loop)
    {
        // Loops also exit while a time-limit failure unwinds them: keep the loop it stopped in.
        if (!CancellationToken.IsCancellationRequested)
        {
            RunningLoop = null;
        }
    }

    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        // Script data, text, numbers and lists keep Scriban's accessors; any other .NET object shows no members,
        // so no template can walk from a value to its type, assembly or delegate target.
        if (target is IScriptObject or string or IList or IDictionary || target.GetType().IsPrimitive || target is decimal)
        {
            return base.GetMemberAccessorImpl(target);
        }

        return s_valueAccessors.GetValueOrDefault(target.GetType(), NullAccessor.Default);
    }

    private bool TryResolveModel(string name, out object? value)
    {
        switch (name)
        {
            case "customer":
                value = _model.Customer is { } customer ? JsonScriptConverter.ToScriptObject(customer) : null;
                break;
            case "Variables":
                value = JsonScriptConverter.ToScriptObject(_model.Variables);
                break;
            case "Input":
                value = JsonScriptConverter.ToScriptObject(_model.Input);
                break;
            case "CorrelationId":
                value = _model.CorrelationId;
                break;
            case "WorkflowInstanceId":
                value = _model.WorkflowInstanceId;
                break;
            default:
                value = null;
                return false;
        }

        // Converted once per render; later reads (and a template's own changes) hit the globals.
        _globals.SetValue(name, value, readOnly: false);
        return true;
    }
}

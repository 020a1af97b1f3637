using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>
/// Replaces Scriban's <c>date.now</c> and <c>date.utc_now</c>, which read the machine clock, with the injected
/// <see cref="TimeProvider"/> so that tests with a fake clock get fixed output.
/// </summary>
internal sealed class ClockFunction(TimeProvider timeProvider, bool utc) : IScriptCustomFunction
{
    public int RequiredParameterCount => 0;

    public int ParameterCount => 0;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(DateTime);

    public ScriptParameterInfo GetParameterInfo(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, "date.now takes no parameters.");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        => utc ? timeProvider.GetUtcNow().UtcDateTime : timeProvider.GetLocalNow().DateTime;

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        => new(Invoke(context, callerContext, arguments, blockStatement));
}

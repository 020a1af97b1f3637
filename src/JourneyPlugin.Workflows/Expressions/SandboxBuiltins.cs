using Scriban.Functions;
using Scriban.Runtime;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>
/// Builds the built-in functions a sandboxed template sees: Scriban's (or Liquid's) minus what could reach outside
/// the model, with a <c>date</c> object that reads the injected clock, all read-only so that contexts can share them.
/// </summary>
internal static class SandboxBuiltins
{
    // include/include_join need a template loader (the sandbox has none); eval/eval_template would run text taken from data.
    private static readonly string[] s_removedGlobals = ["include", "include_join"];
    private static readonly string[] s_removedObjectFunctions = ["eval", "eval_template"];

    public static ScriptObject CreateScriban(TimeProvider timeProvider)
    {
        // BuiltinFunctions deep-clones Scriban's shared defaults, so this copy is ours to change and freeze.
        var builtins = new BuiltinFunctions();
        Harden(builtins, timeProvider);
        return builtins;
    }

    public static ScriptObject CreateLiquid(TimeProvider timeProvider)
    {
        var builtins = new LiquidBuiltinsFunctions();

        // The Liquid filters Elsa adds on top of Fluid's, so that Elsa journeys keep working.
        builtins.SetValue("json", GetFunction(builtins, "object", "to_json"), readOnly: true);
        builtins.SetValue("base64", GetFunction(builtins, "string", "base64_encode"), readOnly: true);
        Harden(builtins, timeProvider);
        return builtins;
    }

    private static void Harden(ScriptObject builtins, TimeProvider timeProvider)
    {
        foreach (var name in s_removedGlobals)
        {
            builtins.Remove(name);
        }

        builtins.SetValue("date", new SandboxDateFunctions(timeProvider), readOnly: true);

        // Liquid's builtins alias some of Scriban's shared static objects: work on private copies only, so that
        // removing and freezing never touch state outside this renderer.
        foreach (var (name, member) in builtins.ToArray())
        {
            if (member is ScriptObject nested and not SandboxDateFunctions)
            {
                builtins.SetValue(name, nested.Clone(deep: true), readOnly: true);
            }
        }

        if (Find(builtins, "object") is ScriptObject objectFunctions)
        {
            foreach (var name in s_removedObjectFunctions)
            {
                objectFunctions.Remove(name);
            }
        }

        Freeze(builtins);
    }

    // Contexts share these objects across threads: no template may add, change or remove a member.
    private static void Freeze(ScriptObject scriptObject)
    {
        scriptObject.IsReadOnly = true;
        foreach (var (_, member) in scriptObject)
        {
            if (member is ScriptObject { IsReadOnly: false } nested)
            {
                Freeze(nested);
            }
        }
    }

    private static object GetFunction(ScriptObject builtins, string objectName, string functionName)
        => (Find(builtins, objectName) as ScriptObject is { } functions ? Find(functions, functionName) : null)
            ?? throw new InvalidOperationException($"Scriban has no built-in function {objectName}.{functionName}.");

    // ScriptObject's own TryGetValue(string, ...) builds a whole TemplateContext per call; enumerating does not.
    private static object? Find(ScriptObject scriptObject, string name)
    {
        foreach (var (key, value) in scriptObject)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }
}

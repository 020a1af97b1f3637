using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>
/// Scriban's <c>date</c> object on the injected clock: <c>date.now</c> and <c>date.utc_now</c> read the
/// <see cref="TimeProvider"/>, and Liquid's <c>date</c> filter works as in Fluid and Shopify
/// (<c>{{ 'now' | date: '%Y-%m-%d' }}</c>), which Scriban's Liquid mode does not support by itself.
/// </summary>
internal sealed class SandboxDateFunctions : DateTimeFunctions
{
    private readonly TimeProvider _timeProvider;

    public SandboxDateFunctions(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        SetValue("now", new ClockFunction(timeProvider, utc: false), readOnly: true);
        SetValue("utc_now", new ClockFunction(timeProvider, utc: true), readOnly: true);
    }

    public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(arguments);
        switch (arguments.Count)
        {
            case 1 when arguments[0] is string text && TryGetNow(text, out var now):
                return now;
            case 2:
                // `input | date: format`, Liquid's filter: a value it cannot read as a date comes back unchanged.
                var input = arguments[0];
                var date = ToDate(context, input);
                return date is null ? input : ToString(date, context.ObjectToString(arguments[1]) ?? Format, context.CurrentCulture);
            default:
                return base.Invoke(context, callerContext, arguments, blockStatement);
        }
    }

    private DateTime? ToDate(TemplateContext context, object? value) => value switch
    {
        DateTime date => date,
        DateTimeOffset date => date.DateTime,
        long seconds => DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime,
        int seconds => DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime,
        string text when TryGetNow(text, out var now) => now,
        string text when Parse(context, text) is { } date && date != default => date,
        _ => null,
    };

    private bool TryGetNow(string text, out DateTime now)
    {
        var today = text.Equals("today", StringComparison.OrdinalIgnoreCase);
        if (!today && !text.Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            now = default;
            return false;
        }

        now = _timeProvider.GetLocalNow().DateTime;
        if (today)
        {
            now = now.Date;
        }

        return true;
    }
}

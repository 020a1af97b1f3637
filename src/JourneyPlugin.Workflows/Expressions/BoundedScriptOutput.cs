using System.Globalization;
using System.Text;
using Scriban;
using Scriban.Runtime;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>Collects the output of one render and stops it the moment it would grow past the limit.</summary>
internal sealed class BoundedScriptOutput(TemplateContext owner, int maxLength) : IScriptOutput
{
    // Keeps a typical message's builder between renders, but not one a huge render grew.
    private const int RetainedCapacity = 4 * 1024;

    private readonly StringBuilder _builder = new();

    public void Write(string text, int offset, int count)
    {
        if (count > maxLength - _builder.Length)
        {
            throw new TemplateLimitException(
                TemplateFailureKind.OutputLimit,
                owner.CurrentSpan,
                string.Create(CultureInfo.InvariantCulture, $"The output would exceed {maxLength} characters"));
        }

        _builder.Append(text, offset, count);
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    public void Clear()
    {
        _builder.Clear();
        if (_builder.Capacity > RetainedCapacity)
        {
            _builder.Capacity = RetainedCapacity;
        }
    }

    public override string ToString() => _builder.ToString();
}

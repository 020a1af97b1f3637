namespace JourneyPlugin.Workflows.Expressions;

/// <summary>
/// Keeps a few idle <see cref="SandboxedTemplateContext"/>s so that a render does not build one (a context allocates
/// dozens of objects). Lock-free; a context is handed to one render at a time.
/// </summary>
internal sealed class SandboxedTemplateContextPool(Func<SandboxedTemplateContext> create)
{
    private readonly SandboxedTemplateContext?[] _items = new SandboxedTemplateContext?[Environment.ProcessorCount * 2];
    private SandboxedTemplateContext? _first;

    public SandboxedTemplateContext Rent()
    {
        var item = _first;
        if (item is not null && Interlocked.CompareExchange(ref _first, null, item) == item)
        {
            return item;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            item = _items[i];
            if (item is not null && Interlocked.CompareExchange(ref _items[i], null, item) == item)
            {
                return item;
            }
        }

        return create();
    }

    public void Return(SandboxedTemplateContext item)
    {
        if (_first is null && Interlocked.CompareExchange(ref _first, item, null) is null)
        {
            return;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _items[i], item, null) is null)
            {
                return;
            }
        }

        item.Dispose();
    }
}

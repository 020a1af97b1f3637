using System.Collections.Concurrent;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>
/// Parsed templates by syntax and text, bounded: past the capacity the least recently used tenth is dropped.
/// Thread-safe; a text is parsed once even when many renders ask for it at the same moment.
/// </summary>
internal sealed class TemplateCache(int capacity)
{
    private readonly ConcurrentDictionary<TemplateCacheKey, Lazy<CompiledTemplate>> _entries = new();
    private readonly Lock _evictionLock = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public CompiledTemplate GetOrAdd(TemplateCacheKey key, Func<TemplateCacheKey, CompiledTemplate> compile)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            var created = new Lazy<CompiledTemplate>(() => compile(key), LazyThreadSafetyMode.ExecutionAndPublication);
            entry = _entries.GetOrAdd(key, created);
            if (ReferenceEquals(entry, created) && Interlocked.Increment(ref _count) > capacity)
            {
                Evict();
            }
        }

        var compiled = entry.Value;

        // A coarse clock is enough to tell old from recent, and writing only on change keeps hot entries' cache lines quiet.
        var now = Environment.TickCount64;
        if (compiled.LastUsed != now)
        {
            compiled.LastUsed = now;
        }

        return compiled;
    }

    private void Evict()
    {
        lock (_evictionLock)
        {
            var excess = Volatile.Read(ref _count) - capacity;
            if (excess <= 0)
            {
                return;
            }

            // Drop a tenth more than needed so that a stream of new texts does not sort on every miss.
            var toRemove = excess + (capacity / 10);
            var oldest = _entries
                .Select(static pair => (pair.Key, pair.Value, LastUsed: pair.Value.IsValueCreated ? pair.Value.Value.LastUsed : long.MaxValue))
                .OrderBy(static entry => entry.LastUsed)
                .Take(toRemove)
                .ToList();
            foreach (var (key, value, _) in oldest)
            {
                if (_entries.TryRemove(new KeyValuePair<TemplateCacheKey, Lazy<CompiledTemplate>>(key, value)))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
    }
}

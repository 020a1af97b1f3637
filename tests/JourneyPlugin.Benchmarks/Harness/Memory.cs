using System.Diagnostics;
using System.Runtime;

namespace JourneyPlugin.Benchmarks.Harness;

/// <summary>The process's memory after a full, compacting collection.</summary>
/// <param name="WorkingSet">Resident bytes.</param>
/// <param name="ManagedHeap">Bytes live on the managed heap.</param>
internal readonly record struct Memory(long WorkingSet, long ManagedHeap)
{
    public static async Task<Memory> MeasureAsync()
    {
        // Twice, with a pause: finalizers and deactivations that the first collection triggered settle.
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            await Task.Delay(500);
        }

        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new Memory(process.WorkingSet64, heap);
    }
}

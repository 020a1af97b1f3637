using Microsoft.Data.Sqlite;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>
/// A write waiting to be committed by <see cref="SqliteDatabase"/>: its delegate, the durability it
/// asks for, and the task its caller awaits, completed after the commit that contains it.
/// </summary>
internal sealed class PendingWrite
{
    private const int Pending = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private readonly Func<SqliteTransaction, object?> _write;
    private readonly TaskCompletionSource<object?> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;
    private object? _result;
    private Exception? _failure;

    public PendingWrite(WriteDurability durability, Func<SqliteTransaction, object?> write)
    {
        Durability = durability;
        _write = write;
    }

    public WriteDurability Durability { get; }

    /// <summary>What its delegate threw, if it did.</summary>
    public Exception? Failure => _failure;

    /// <summary>Completes with the delegate's result once committed, or with why it was not.</summary>
    public Task<object?> Outcome => _outcome.Task;

    /// <summary>Whether a committer has taken it (it then completes whatever the caller does).</summary>
    public bool IsTaken => Volatile.Read(ref _state) == Taken;

    /// <summary>Claims it for a batch; false when its caller gave up first.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Pending) == Pending;

    /// <summary>Withdraws it before any committer took it; false when one already has.</summary>
    public bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Pending) == Pending;

    /// <summary>Runs the delegate in the batch's transaction; a failure is kept for the caller.</summary>
    /// <remarks>Run again when its batch is (in a new transaction), so only the last run's outcome counts.</remarks>
    /// <returns>Whether it succeeded.</returns>
    public bool Run(SqliteTransaction transaction)
    {
        _failure = null;
        try
        {
            _result = _write(transaction);
            return true;
        }
#pragma warning disable CA1031 // The caller gets the exception; the other writes of the batch go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _failure = e;
            return false;
        }
    }

    /// <summary>Answers the caller after the batch committed: its result, or the failure its own delegate had.</summary>
    public void Complete()
    {
        if (_failure is not null)
        {
            _outcome.SetException(_failure);
        }
        else
        {
            _outcome.SetResult(_result);
        }
    }

    /// <summary>Answers the caller when the batch as a whole failed (begin, commit, a broken transaction).</summary>
    public void Fail(Exception failure) => _outcome.TrySetException(_failure ?? failure);
}

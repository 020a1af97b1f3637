using System.Runtime.InteropServices;

namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>
/// The customer keys seen so far and the row of each, to report duplicates. Keeping a million keys
/// as strings would cost around 100 MB; this keeps a 64-bit hash per key in an open-addressing
/// table instead: 12 bytes a slot, at most three quarters full, so 12 to 24 bytes per distinct
/// customer (about 25 MB for a million).
/// </summary>
/// <remarks>
/// The hash joins two independent 32-bit hashes, each seeded at random per process (Marvin, as
/// <see cref="string.GetHashCode()"/>, and xxHash32, as <see cref="HashCode"/>), so no file can be
/// crafted to collide. For a million distinct keys the chance that any two share a hash is about
/// n²/2⁶⁵ ≈ 3·10⁻⁸; the cost of that would be one customer reported as a duplicate.
/// </remarks>
internal sealed class CustomerKeySet
{
    private const int InitialCapacity = 1024;

    private ulong[] _hashes = new ulong[InitialCapacity];
    private uint[] _rows = new uint[InitialCapacity];
    private int _count;

    /// <summary>The number of distinct keys added.</summary>
    public int Count => _count;

    /// <summary>
    /// Adds <paramref name="key"/> first seen at <paramref name="row"/>, or returns
    /// <see langword="false"/> with the row that had it first (0 when that row number is beyond
    /// what the table records, past four billion).
    /// </summary>
    public bool TryAdd(string key, long row, out long firstRow)
    {
        var hash = Hash(key);
        var mask = _hashes.Length - 1;
        var slot = (int)hash & mask;
        while (_hashes[slot] != 0)
        {
            if (_hashes[slot] == hash)
            {
                firstRow = _rows[slot];
                return false;
            }

            slot = (slot + 1) & mask;
        }

        _hashes[slot] = hash;
        _rows[slot] = row is > 0 and <= uint.MaxValue ? (uint)row : 0;
        firstRow = row;
        if (++_count > _hashes.Length / 4 * 3)
        {
            Grow();
        }

        return true;
    }

    private static ulong Hash(string key)
    {
        var span = key.AsSpan();
        var xx = new HashCode();
        xx.AddBytes(MemoryMarshal.AsBytes(span));
        var hash = ((ulong)(uint)string.GetHashCode(span) << 32) | (uint)xx.ToHashCode();

        // 0 marks an empty slot.
        return hash == 0 ? 1 : hash;
    }

    private void Grow()
    {
        var hashes = _hashes;
        var rows = _rows;
        _hashes = new ulong[hashes.Length * 2];
        _rows = new uint[hashes.Length * 2];
        var mask = _hashes.Length - 1;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (hashes[i] == 0)
            {
                continue;
            }

            var slot = (int)hashes[i] & mask;
            while (_hashes[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _hashes[slot] = hashes[i];
            _rows[slot] = rows[i];
        }
    }
}

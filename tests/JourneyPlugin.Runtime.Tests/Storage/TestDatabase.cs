using JourneyPlugin.Runtime.Storage.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JourneyPlugin.Runtime.Tests.Storage;

/// <summary>A real SQLite file in a temporary folder, deleted afterwards; each <see cref="Open"/> is a new store over it.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly List<SqliteStorage> _opened = [];

    public TestDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "journeyplugin-runtime-tests", Guid.NewGuid().ToString("N"));
        Storage = Open();
    }

    public static DateTimeOffset Start { get; } = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public string Directory { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>The store opened first.</summary>
    public SqliteStorage Storage { get; }

    /// <summary>Opens another store over the same file (or over <paramref name="directory"/>).</summary>
    public SqliteStorage Open(string? directory = null, Action<SqliteStorageOptions>? configure = null)
    {
        var options = new SqliteStorageOptions { DataDirectory = directory ?? Directory };
        configure?.Invoke(options);
        var storage = new SqliteStorage(Options.Create(options), Time);
        _opened.Add(storage);
        return storage;
    }

    public void Dispose()
    {
        foreach (var storage in _opened)
        {
            storage.Dispose();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

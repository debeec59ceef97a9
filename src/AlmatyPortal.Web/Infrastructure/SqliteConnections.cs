using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// The portal's SQLite connections, kept open between uses so that each keeps its compiled statements
/// (<see cref="SqliteStatements"/>). Each DI scope (a request, a background job's round) rents one for its whole life
/// and gives it back when the scope ends.
/// </summary>
/// <remarks>
/// EF opens and closes a connection around every query, and closing a Microsoft.Data.Sqlite connection finalises every
/// statement compiled on it, so without this a reader's miss compiled its page's SQL afresh on every request: a third of
/// its CPU. An open connection that runs no statement holds no lock and no snapshot, so a writer, a checkpoint and
/// other readers are not held up by the connections resting here. A connection comes back only as it went out: open,
/// with no transaction left open on it; anything else is closed instead of kept.
/// </remarks>
public sealed class SqliteConnections(string connectionString) : IDisposable
{
    /// <summary>Connections kept at rest at most; a burst beyond it opens more and closes them after.</summary>
    public const int MaxResting = 32;

    /// <summary>
    /// Each connection's page cache. A request holds its connection to the end, so under load there are as many open as
    /// requests in flight (34 at 32 wrk connections); SQLite's default of 2 MB each added about 90 MB to the portal's
    /// memory, and 512 KB adds about 17 MB. Pages past it are read again from the operating system's file cache.
    /// </summary>
    public const int PageCacheKiB = 512;

    private readonly ConcurrentBag<SqliteConnection> _resting = [];
    private readonly string _connectionString = connectionString;
    private int _restingCount;
    private volatile bool _disposed;

    /// <summary>The database file the connections open.</summary>
    public string DatabaseFile { get; } = new SqliteConnectionStringBuilder(connectionString).DataSource;

    public SqliteConnection Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_resting.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _restingCount);
            return connection;
        }
        connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            SqliteDurability.SetUp(connection);
            SqliteStatements.Keep(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return connection;
    }

    public void Return(SqliteConnection connection)
    {
        if (_disposed || connection.State != ConnectionState.Open || raw.sqlite3_get_autocommit(connection.Handle) == 0)
        {
            connection.Dispose();
            return;
        }
        if (Interlocked.Increment(ref _restingCount) > MaxResting)
        {
            Interlocked.Decrement(ref _restingCount);
            connection.Dispose();
            return;
        }
        _resting.Add(connection);
        if (_disposed)
        {
            Drain();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Drain();
    }

    private void Drain()
    {
        while (_resting.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _restingCount);
            connection.Dispose();
        }
    }

    /// <summary>One scope's connection, given back when the scope ends (DI disposes it after the context that uses it).</summary>
    public sealed class Lease(SqliteConnections pool) : IDisposable
    {
        public SqliteConnection Connection { get; } = pool.Rent();

        public void Dispose() => pool.Return(Connection);
    }
}

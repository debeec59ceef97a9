using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// Sets each SQLite connection up so that an acknowledged write survives a crash or power loss (synchronous=FULL),
/// so that concurrent writers wait for each other instead of failing with "database is locked", and with a page cache
/// of <see cref="SqliteConnections.PageCacheKiB"/> (see there why it is small).
/// </summary>
/// <remarks>
/// The portal's connections come from <see cref="SqliteConnections"/>, which sets each one up as it opens it; as an
/// interceptor this also covers any connection EF opens itself, so none runs without the settings. They belong to the
/// database handle, which Microsoft.Data.Sqlite pools and hands out again when a connection is opened, so they are set
/// once per handle. Nothing else changes them on a handle: EF's migrations turn foreign keys off around a table rebuild
/// and on again after it, and a failed migration stops the start-up.
/// </remarks>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    private static readonly string Pragmas =
        $"PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA cache_size=-{SqliteConnections.PageCacheKiB};";

    // The handles already set up; a handle the pool lets go of is collected, and its entry with it.
    private static readonly ConditionalWeakTable<object, object> Done = [];

    /// <summary>Sets up an open connection, unless its handle already is.</summary>
    public static void SetUp(SqliteConnection connection)
    {
        var handle = connection.Handle!;
        if (Done.TryGetValue(handle, out _))
        {
            return;
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
        Done.AddOrUpdate(handle, handle);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetUp((SqliteConnection)connection);

    // Microsoft.Data.Sqlite runs statements synchronously even when asked for a Task, so the async path is the same.
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SetUp((SqliteConnection)connection);
        return Task.CompletedTask;
    }
}

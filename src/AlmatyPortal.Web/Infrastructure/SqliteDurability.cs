using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// Sets each SQLite connection up so that an acknowledged write survives a crash or power loss (synchronous=FULL),
/// and so that concurrent writers wait for each other instead of failing with "database is locked".
/// </summary>
/// <remarks>
/// The settings belong to the database handle, which Microsoft.Data.Sqlite pools and hands out again on each open. EF
/// opens a connection for each query, so they are set once per handle, not again on every open: a reader's page opens
/// a connection three times, and three PRAGMA statements compiled each time were a large part of its cost. Nothing
/// else changes them on a pooled handle: EF's migrations turn foreign keys off around a table rebuild and on again after
/// it, and a failed migration stops the start-up.
/// </remarks>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    // The handles already set up; a handle the pool lets go of is collected, and its entry with it.
    private static readonly ConditionalWeakTable<object, object> Done = [];

    /// <summary>Sets up a connection opened outside EF (<see cref="SqliteConnections"/>), unless its handle already is.</summary>
    public static void SetUp(SqliteConnection connection)
    {
        if (!NeedsSetUp(connection, out var handle))
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

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsSetUp(connection, out var handle))
        {
            return;
        }
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        Done.AddOrUpdate(handle, handle);
    }

    private static bool NeedsSetUp(DbConnection connection, out object handle)
    {
        handle = ((SqliteConnection)connection).Handle!;
        return !Done.TryGetValue(handle, out _);
    }
}

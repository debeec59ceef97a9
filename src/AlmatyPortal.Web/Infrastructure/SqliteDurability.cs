using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// Sets each SQLite connection up so that an acknowledged write survives a crash or power loss (synchronous=FULL),
/// so that concurrent writers wait for each other instead of failing with "database is locked", with a page cache of
/// <see cref="SqliteConnections.PageCacheKiB"/> (see there why it is small), and with a query plan that does not depend
/// on the values bound.
/// </summary>
/// <remarks>
/// The portal's connections come from <see cref="SqliteConnections"/>, which sets each one up as it opens it; as an
/// interceptor this also covers any connection EF opens itself, so none runs without the settings. They belong to the
/// database handle, which Microsoft.Data.Sqlite pools and hands out again when a connection is opened, so they are set
/// once per handle. Nothing else changes them on a handle: EF's migrations turn foreign keys off around a table rebuild
/// and on again after it, and a failed migration stops the start-up.
/// <para>
/// Without the query planner's stability guarantee (SQLITE_DBCONFIG_ENABLE_QPSG), SQLite plans a statement around some
/// of its bound values (a LIMIT, a LIKE pattern) and marks it to be compiled again whenever they are bound afresh. Every
/// list and page (LIMIT @p) and the related stories would then be compiled on every run, however long the connection
/// keeps them (<see cref="SqliteStatements"/>). The portal's queries take their plans from indexes, not from values.
/// </para>
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
        var rc = raw.sqlite3_db_config(handle, raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out _);
        SqliteException.ThrowExceptionForRC(rc, handle);
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

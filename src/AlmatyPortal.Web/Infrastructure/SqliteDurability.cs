using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// Sets each SQLite connection up so that an acknowledged write survives a crash or power loss (synchronous=FULL),
/// and so that concurrent writers wait for each other instead of failing with "database is locked".
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

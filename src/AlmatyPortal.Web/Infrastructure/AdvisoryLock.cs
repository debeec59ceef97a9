namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// Work that one process at a time may do on a database several instances share. On PostgreSQL it runs while this
/// context's session holds a session advisory lock (released at the end, or by PostgreSQL if the process dies); on
/// SQLite, which one process owns, it simply runs.
/// </summary>
public static class AdvisoryLock
{
    /// <summary>
    /// Runs <paramref name="work"/> under the lock <paramref name="key"/>: waiting for it, or, when
    /// <paramref name="wait"/> is false and another process holds it, not at all (false is returned).
    /// </summary>
    public static async Task<bool> RunAsync(PortalDbContext db, long key, bool wait, Func<Task> work, CancellationToken ct)
    {
        // The context's type, not Database.IsNpgsql(), which would load the PostgreSQL provider into every SQLite start.
        if (!db.OnPostgreSql)
        {
            await work();
            return true;
        }
        var database = db.Database;
        await database.OpenConnectionAsync(ct);
        try
        {
            var taken = wait
                ? (await database.SqlQuery<string>($"SELECT pg_advisory_lock({key})::text AS \"Value\"").ToListAsync(ct)).Count == 1
                : (await database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").ToListAsync(ct))[0];
            if (!taken)
            {
                return false;
            }
            try
            {
                await work();
                return true;
            }
            finally
            {
                await database.SqlQuery<bool>($"SELECT pg_advisory_unlock({key}) AS \"Value\"").ToListAsync(CancellationToken.None);
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}

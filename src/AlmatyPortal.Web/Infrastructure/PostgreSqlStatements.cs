using System.Data.Common;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// PostgreSQL plans every statement it is sent unless the statement is prepared. Npgsql prepares on the server, per
/// connection, the statements a connection keeps running (automatic preparation), but only when the connection string
/// asks for it; the portal asks unless the string already says how many to keep. A reader's page runs the same few
/// statements again and again: on the benchmark's two cores this doubled the article's cache misses on PostgreSQL.
/// </summary>
/// <remarks>
/// A pooler in transaction mode between the portal and PostgreSQL (PgBouncer before 1.21) cannot hold prepared
/// statements; there, set <c>Max Auto Prepare=0</c> in the connection string, and the portal leaves it so.
/// </remarks>
internal static class PostgreSqlStatements
{
    /// <summary>How many statements each connection keeps prepared, the most used first.</summary>
    public const int Kept = 100;

    /// <summary>The connection string with automatic preparation, unless it already sets Max Auto Prepare (to any value).</summary>
    public static string Prepared(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var setsIt = given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        return setsIt ? connectionString : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = Kept }.ConnectionString;
    }
}

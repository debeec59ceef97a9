using Microsoft.Data.Sqlite;

namespace AlmatyPortal.Tests.Support;

/// <summary>How SQLite runs the commands a <see cref="QueryCounter"/> saw.</summary>
public static class QueryPlans
{
    /// <summary>Each step of SQLite's plan for every command the counter saw, asked afterwards on a connection of its own.</summary>
    public static List<(string Sql, string Step)> Of(PortalFactory portal, QueryCounter counter)
    {
        var steps = new List<(string Sql, string Step)>();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(portal.DataPath, "portal.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        // Set up as the portal's own connections are: the query planner's stability guarantee changes which plans SQLite
        // may choose.
        AlmatyPortal.Web.Infrastructure.SqliteDurability.SetUp(connection);
        foreach (var (sql, parameters) in counter.Executed)
        {
            using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
            using var plan = explain.ExecuteReader();
            while (plan.Read())
            {
                steps.Add((sql, plan.GetString(3)));
            }
        }
        return steps;
    }
}

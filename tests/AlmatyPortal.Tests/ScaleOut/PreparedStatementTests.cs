using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AlmatyPortal.Tests.ScaleOut;

/// <summary>On PostgreSQL the portal's connections keep the statements they run often prepared on the server.</summary>
public sealed class PreparedStatementTests : IDisposable
{
    private readonly PortalFactory _portal = new(null, database: PortalDatabase.PostgreSql);

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task A_query_run_again_and_again_on_one_connection_becomes_a_prepared_statement_on_the_server()
    {
        var prepared = await _portal.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                for (var run = 0; run < 10; run++)
                {
                    await db.Sections.AsNoTracking().Where(s => s.Slug == "news").Select(s => s.Id).SingleAsync();
                }
                return await db.Database.SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Contains(prepared, s => s.Contains("\"Sections\"", StringComparison.Ordinal) && s.Contains("\"Slug\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Automatic_preparation_is_asked_for_unless_the_connection_string_already_sets_it()
    {
        static int Kept(string connectionString) => new NpgsqlConnectionStringBuilder(PostgreSqlStatements.Prepared(connectionString)).MaxAutoPrepare;

        Assert.Equal(PostgreSqlStatements.Kept, Kept("Host=db;Database=portal;Username=portal"));
        // Behind a pooler in transaction mode the office turns it off, and that must stay off.
        Assert.Equal(0, Kept("Host=db;Database=portal;Username=portal;Max Auto Prepare=0"));
        Assert.Equal(5, Kept("Host=db;Database=portal;Username=portal;maxautoprepare=5"));
    }
}

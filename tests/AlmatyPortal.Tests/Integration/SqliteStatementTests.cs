using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;

namespace AlmatyPortal.Tests.Integration;

/// <summary>
/// SQLite connections stay open between uses and keep each statement compiled (<see cref="SqliteConnections"/>,
/// <see cref="SqliteStatements"/>). Compiles are counted by SQLite's authoriser, which SQLite calls while it compiles a
/// statement and never while it runs one.
/// </summary>
public sealed class SqliteStatementTests : IDisposable
{
    private static readonly string[] KeptSlugs = ["kept-a", "kept-b", "kept-c"];
    private static readonly int[] Limits = [1, 3, 2, 2];
    // More distinct texts than a connection keeps.
    private static readonly string[] Distinct = [.. Enumerable.Range(0, SqliteStatements.MaxPerConnection + 6).Select(i => $"SELECT {i} AS \"Value\"")];
    private readonly PortalFactory _portal = new(null);

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task A_query_run_again_on_a_scope_is_compiled_once_and_bound_afresh_each_time()
    {
        await AddTagsAsync(KeptSlugs);

        var (names, compiles) = await _portal.WithDbAsync(async db =>
        {
            using var counter = CompileCounter.On(db);
            var names = new List<string>();
            foreach (var slug in KeptSlugs)
            {
                names.Add(await db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => t.Name).SingleAsync());
            }
            return (names, counter.Count);
        });

        Assert.Equal(["Name kept-a", "Name kept-b", "Name kept-c"], names);
        Assert.Equal(1, compiles);
    }

    [Fact]
    public async Task A_query_with_a_bound_limit_is_compiled_once_however_its_limit_changes()
    {
        await AddTagsAsync(KeptSlugs);

        var (counts, compiles) = await _portal.WithDbAsync(async db =>
        {
            using var counter = CompileCounter.On(db);
            var counts = new List<int>();
            foreach (var limit in Limits)
            {
                counts.Add((await db.Tags.AsNoTracking().Where(t => t.Slug.StartsWith("kept-")).OrderBy(t => t.Slug).Select(t => t.Slug).Take(limit).ToListAsync()).Count);
            }
            return (counts, counter.Count);
        });

        Assert.Equal([1, 3, 2, 2], counts);
        // SQLite would otherwise plan around each bound LIMIT, and so compile the statement again on every run.
        Assert.Equal(1, compiles);
    }

    [Fact]
    public async Task A_kept_statement_reads_a_change_committed_on_another_connection_after_its_last_run()
    {
        await AddTagsAsync("fresh");
        await using var reading = _portal.Services.CreateAsyncScope();
        var reader = reading.ServiceProvider.GetRequiredService<PortalDbContext>();
        Task<string> NameAsync() => reader.Tags.AsNoTracking().Where(t => t.Slug == "fresh").Select(t => t.Name).SingleAsync();
        using var counter = CompileCounter.On(reader);
        Assert.Equal("Name fresh", await NameAsync());

        // The reading scope still holds its connection, so this scope writes on another one.
        await _portal.WithDbAsync(async db =>
        {
            Assert.NotSame(reader.Database.GetDbConnection(), db.Database.GetDbConnection());
            (await db.Tags.SingleAsync(t => t.Slug == "fresh")).Name = "Renamed";
            await db.SaveChangesAsync();
        });

        Assert.Equal("Renamed", await NameAsync());
        Assert.Equal(1, counter.Count); // the second read ran the statement kept from the first
    }

    [Fact]
    public async Task The_same_query_inside_its_own_open_reader_runs_on_a_command_of_its_own()
    {
        await AddTagsAsync("nest-a", "nest-b");

        var (outer, inner) = await _portal.WithDbAsync(async db =>
        {
            var query = db.Tags.AsNoTracking().Where(t => t.Slug.StartsWith("nest-")).OrderBy(t => t.Slug).Select(t => t.Slug);
            var outer = new List<string>();
            var inner = new List<List<string>>();
            await foreach (var slug in query.AsAsyncEnumerable())
            {
                outer.Add(slug);
                inner.Add(await query.ToListAsync());
            }
            return (outer, inner);
        });

        Assert.Equal(["nest-a", "nest-b"], outer);
        Assert.All(inner, slugs => Assert.Equal(["nest-a", "nest-b"], slugs));
    }

    [Fact]
    public async Task Past_its_limit_a_connection_keeps_the_statements_it_ran_most_recently()
    {
        var (kept, lastAgain, firstAgain) = await _portal.WithDbAsync(async db =>
        {
            static Task<List<int>> Run(PortalDbContext db, int i) => db.Database.SqlQueryRaw<int>(Distinct[i]).ToListAsync();
            using var counter = CompileCounter.On(db);
            for (var i = 0; i < SqliteStatements.MaxPerConnection + 6; i++)
            {
                Assert.Equal([i], await Run(db, i));
            }
            var kept = SqliteStatements.KeptCount((SqliteConnection)db.Database.GetDbConnection());
            var before = counter.Count;
            await Run(db, SqliteStatements.MaxPerConnection + 5);
            var lastAgain = counter.Count - before;
            await Run(db, 0);
            return (kept, lastAgain, counter.Count - before - lastAgain);
        });

        Assert.Equal(SqliteStatements.MaxPerConnection, kept);
        Assert.Equal(0, lastAgain);
        Assert.Equal(1, firstAgain);
    }

    [Fact]
    public void A_connection_given_back_is_taken_again_open_with_its_small_page_cache_and_one_given_back_inside_a_transaction_is_closed_and_its_writes_undone()
    {
        var file = Path.Combine(_portal.DataPath, "pool.db");
        using var pool = new SqliteConnections($"Data Source={file}");
        var first = pool.Rent();
        Execute(first, "CREATE TABLE Notes (Text TEXT NOT NULL)");
        pool.Return(first);

        var again = pool.Rent();
        Assert.Same(first, again);
        Assert.Equal(System.Data.ConnectionState.Open, again.State);
        using (var cacheSize = again.CreateCommand())
        {
            cacheSize.CommandText = "PRAGMA cache_size";
            Assert.Equal(-(long)SqliteConnections.PageCacheKiB, cacheSize.ExecuteScalar()); // negative: KiB, not pages
        }

        using (var transaction = again.BeginTransaction())
        {
            Execute(again, "INSERT INTO Notes VALUES ('half done')", transaction);
            pool.Return(again);
        }

        Assert.Equal(System.Data.ConnectionState.Closed, again.State);
        var next = pool.Rent();
        Assert.NotSame(again, next);
        Assert.NotEqual(0, raw.sqlite3_get_autocommit(next.Handle));
        using var count = next.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Notes";
        Assert.Equal(0L, count.ExecuteScalar());
        pool.Return(next);
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private Task AddTagsAsync(params string[] slugs) => _portal.WithDbAsync(async db =>
    {
        db.Tags.AddRange(slugs.Select(s => new Tag { Slug = s, Name = $"Name {s}" }));
        await db.SaveChangesAsync();
    });

    /// <summary>Counts the SELECT statements SQLite compiles on one context's connection while it is in use.</summary>
    private sealed class CompileCounter : IDisposable
    {
        private readonly sqlite3 _handle;
        private int _count;

        private CompileCounter(sqlite3 handle)
        {
            _handle = handle;
            raw.sqlite3_set_authorizer(handle, (strdelegate_authorizer)((_, action, _, _, _, _) =>
            {
                if (action == raw.SQLITE_SELECT)
                {
                    Interlocked.Increment(ref _count);
                }
                return raw.SQLITE_OK;
            }), null);
        }

        public int Count => Volatile.Read(ref _count);

        public static CompileCounter On(PortalDbContext db) => new(((SqliteConnection)db.Database.GetDbConnection()).Handle!);

        public void Dispose() => raw.sqlite3_set_authorizer(_handle, (strdelegate_authorizer?)null, null);
    }
}

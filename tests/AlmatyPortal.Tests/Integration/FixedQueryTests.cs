using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Infrastructure;

namespace AlmatyPortal.Tests.Integration;

/// <summary>
/// <see cref="FixedQuery"/> builds its command once and shares it as a template: every run, on every request at once,
/// must still get a command of its own, bound to its own values.
/// </summary>
public class FixedQueryTests : IDisposable
{
    // Its value on each of 100 rows, so that a run's reader stays open while other runs start.
    private const int Rows = 100;
    private static readonly FixedQuery Echo = new(
        $"WITH RECURSIVE \"n\"(\"i\") AS (SELECT 1 UNION ALL SELECT \"i\" + 1 FROM \"n\" WHERE \"i\" < {Rows}) SELECT @value AS \"Value\" FROM \"n\"",
        ("value", typeof(int)));
    private readonly PortalFactory _portal;

    public FixedQueryTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected FixedQueryTests(PortalDatabase database) => _portal = new(null, database: database);

    public void Dispose()
    {
        _portal.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_fixed_query_run_by_many_requests_at_once_gives_each_run_its_own_values()
    {
        const int requests = 16;
        const int runsEach = 50;
        await _portal.WithDbAsync(db => Task.CompletedTask); // the portal started (and its database made) before the crowd

        var answers = await Task.WhenAll(Enumerable.Range(0, requests).Select(request => Task.Run(() => _portal.WithDbAsync(async db =>
        {
            var seen = new List<int>();
            for (var run = 0; run < runsEach; run++)
            {
                seen.AddRange(await Echo.ListAsync(db, row => row.GetInt32(0), CancellationToken.None, request * 100 + run));
            }
            return seen;
        }))));

        for (var request = 0; request < requests; request++)
        {
            Assert.Equal(Enumerable.Range(0, runsEach).SelectMany(run => Enumerable.Repeat(request * 100 + run, Rows)), answers[request]);
        }
    }
}

public sealed class FixedQueryOnPostgreSqlTests() : FixedQueryTests(PortalDatabase.PostgreSql);

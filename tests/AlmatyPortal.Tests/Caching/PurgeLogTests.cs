using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.PageCache;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Caching;

/// <summary>The purge log records changes, not start-ups.</summary>
public sealed class PurgeLogTests
{
    [Fact]
    public async Task Restarting_the_portal_on_its_database_records_no_purge()
    {
        string data;
        int before;
        using (var first = new PortalFactory(null))
        {
            data = first.DataPath;
            before = await first.WithDbAsync(db => db.Set<PurgeRecord>().CountAsync());
            first.KeepData = true;
        }

        using var second = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:DataPath"] = data });
        var after = await second.WithDbAsync(db => db.Set<PurgeRecord>().CountAsync());

        Assert.Equal(before, after);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>How many times one client address did one kind of thing (sign in, count a donate click) in one minute.</summary>
public sealed class ClientWindow
{
    public string Purpose { get; set; } = "";
    public string Client { get; set; } = "";
    public DateTime WindowStart { get; set; }
    public int Count { get; set; }
}

internal sealed class ClientWindowConfiguration : IEntityTypeConfiguration<ClientWindow>
{
    public void Configure(EntityTypeBuilder<ClientWindow> b)
    {
        b.ToTable("ClientWindows");
        b.HasKey(w => new { w.Purpose, w.Client, w.WindowStart });
        b.Property(w => w.Purpose).HasMaxLength(16);
        b.Property(w => w.Client).HasMaxLength(64);
        // Old windows are deleted by their start.
        b.HasIndex(w => w.WindowStart);
    }
}

/// <summary>
/// Per-address limits counted in the database, so a limit holds across every instance that shares it: nothing is
/// gained by alternating them. Each use is one atomic upsert of the current minute's count; the previous minute's count
/// is weighed by how much of it still lies within the last sixty seconds (a sliding window), so uses around the turn of
/// a minute are not let through twice.
/// </summary>
public sealed class ClientWindows(PortalDbContext db, TimeProvider time, ILogger<ClientWindows> logger)
{
    /// <summary>Counts a use; false when the address has used up the last minute's <paramref name="perMinute"/>.</summary>
    public async Task<bool> AllowAsync(string purpose, IPAddress? address, int perMinute, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var window = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var previousWindow = window.AddMinutes(-1);
        var client = address?.ToString() ?? "unknown";
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "ClientWindows" ("Purpose", "Client", "WindowStart", "Count") VALUES ({purpose}, {client}, {window}, 1)
            ON CONFLICT ("Purpose", "Client", "WindowStart") DO UPDATE SET "Count" = "ClientWindows"."Count" + 1
            RETURNING "Count" AS "Value"
            """).ToListAsync(ct);
        var previous = await db.Set<ClientWindow>().Where(w => w.Purpose == purpose && w.Client == client && w.WindowStart == previousWindow)
            .Select(w => w.Count).FirstOrDefaultAsync(ct);
        var cutoff = window.AddMinutes(-10);
        await db.Set<ClientWindow>().Where(w => w.WindowStart < cutoff).ExecuteDeleteAsync(ct);
        var stillCounted = 1 - (now - window).TotalMinutes;
        var uses = counts[0] + previous * stillCounted;
        if (uses > perMinute && uses - 1 <= perMinute)
        {
            // Once, as an address goes over the limit: the uses after it are refused without a line each.
            logger.LogWarning("{Purpose} from {Client} throttled: more than {Limit} in a minute", purpose, client, perMinute);
        }
        return uses <= perMinute;
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.Accounts;

/// <summary>Sign-in attempts from one client address in one minute.</summary>
public sealed class SignInWindow
{
    public string Client { get; set; } = "";
    public DateTime WindowStart { get; set; }
    public int Count { get; set; }
}

internal sealed class SignInWindowConfiguration : IEntityTypeConfiguration<SignInWindow>
{
    public void Configure(EntityTypeBuilder<SignInWindow> b)
    {
        b.ToTable("SignInWindows");
        b.HasKey(w => new { w.Client, w.WindowStart });
        b.Property(w => w.Client).HasMaxLength(64);
        // Old windows are deleted by their start.
        b.HasIndex(w => w.WindowStart);
    }
}

/// <summary>
/// At most <see cref="AttemptsPerMinute"/> sign-in attempts a minute from one address, counted in the database, so
/// the limit holds across every instance that shares it: an attacker gains nothing by alternating them. Each attempt
/// is one atomic upsert of the current minute's count; the previous minute's count is weighed by how much of it still
/// lies within the last sixty seconds (a sliding window), so attempts around the turn of a minute are not let through
/// twice. Reading the sign-in page is not counted.
/// </summary>
public sealed class SignInThrottle(PortalDbContext db, TimeProvider time, ILogger<SignInThrottle> logger)
{
    public const int AttemptsPerMinute = 10;

    /// <summary>Counts an attempt; false when the address has used up the last minute's attempts.</summary>
    public async Task<bool> AllowAsync(IPAddress? address, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var window = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var previousWindow = window.AddMinutes(-1);
        var client = address?.ToString() ?? "unknown";
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "SignInWindows" ("Client", "WindowStart", "Count") VALUES ({client}, {window}, 1)
            ON CONFLICT ("Client", "WindowStart") DO UPDATE SET "Count" = "SignInWindows"."Count" + 1
            RETURNING "Count" AS "Value"
            """).ToListAsync(ct);
        var previous = await db.Set<SignInWindow>().Where(w => w.Client == client && w.WindowStart == previousWindow).Select(w => w.Count).FirstOrDefaultAsync(ct);
        var cutoff = window.AddMinutes(-10);
        await db.Set<SignInWindow>().Where(w => w.WindowStart < cutoff).ExecuteDeleteAsync(ct);
        var stillCounted = 1 - (now - window).TotalMinutes;
        var attempts = counts[0] + previous * stillCounted;
        if (attempts > AttemptsPerMinute && attempts - 1 <= AttemptsPerMinute)
        {
            // Once, as an address goes over the limit: the attempts after it are refused without a line each.
            logger.LogWarning("Sign-in attempts from {Client} throttled: more than {Limit} in a minute", client, AttemptsPerMinute);
        }
        return attempts <= AttemptsPerMinute;
    }
}

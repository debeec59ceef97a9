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
/// is one atomic upsert that returns the window's count; reading the sign-in page is not counted.
/// </summary>
public sealed class SignInThrottle(PortalDbContext db, TimeProvider time, ILogger<SignInThrottle> logger)
{
    public const int AttemptsPerMinute = 10;

    /// <summary>Counts an attempt; false when the address has used up this minute's attempts.</summary>
    public async Task<bool> AllowAsync(IPAddress? address, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var window = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var client = address?.ToString() ?? "unknown";
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "SignInWindows" ("Client", "WindowStart", "Count") VALUES ({client}, {window}, 1)
            ON CONFLICT ("Client", "WindowStart") DO UPDATE SET "Count" = "SignInWindows"."Count" + 1
            RETURNING "Count" AS "Value"
            """).ToListAsync(ct);
        var cutoff = window.AddMinutes(-10);
        await db.Set<SignInWindow>().Where(w => w.WindowStart < cutoff).ExecuteDeleteAsync(ct);
        if (counts[0] == AttemptsPerMinute + 1)
        {
            // Once per address and minute: the attempts after it are refused without a line each.
            logger.LogWarning("Sign-in attempts from {Client} throttled: more than {Limit} this minute", client, AttemptsPerMinute);
        }
        return counts[0] <= AttemptsPerMinute;
    }
}

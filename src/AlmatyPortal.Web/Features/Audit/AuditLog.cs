using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.Audit;

/// <summary>Records staff actions. Entries are added to the caller's unit of work, so they commit with the change they describe.</summary>
public sealed class AuditLog(PortalDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in failed";
    public const string LockedOut = "locked out";
    public const string SignOut = "sign-out";
    public const string Publish = "publish";
    public const string Schedule = "schedule";
    public const string Unpublish = "unpublish";
    public const string Delete = "delete";
    public const string Restore = "restore";
    public const string UserChange = "user change";
    public const string PasswordChange = "password change";
    public const string Upload = "upload";
    public const string SettingsChange = "settings change";

    /// <summary>Adds an entry to the pending changes; the caller's SaveChanges writes it.</summary>
    public void Add(string action, string target, string detail = "", string? actor = null)
    {
        var context = http.HttpContext;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = Truncate(actor ?? context?.User.Identity?.Name ?? "system", 256),
            Action = action,
            Target = Truncate(target, 300),
            Detail = Truncate(detail, 1000),
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    /// <summary>Writes an entry on its own, for events with no other change (sign-ins).</summary>
    public async Task WriteAsync(string action, string target, string detail = "", string? actor = null, CancellationToken ct = default)
    {
        Add(action, target, detail, actor);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>One page of the log, newest first, and whether older entries follow.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, bool HasMore)> PageAsync(int page, int pageSize, CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(ct);
        return (entries.Take(pageSize).ToList(), entries.Count > pageSize);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Actor).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(40);
        b.Property(a => a.Target).HasMaxLength(300);
        b.Property(a => a.Detail).HasMaxLength(1000);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        // The audit page lists newest first.
        b.HasIndex(a => a.At);
    }
}

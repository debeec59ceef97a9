using AlmatyPortal.Web.Features.Audit;

namespace AlmatyPortal.Web.Features.Articles;

/// <summary>Which pre-publish checks block publishing, as an admin set them; every instance reads the same rows.</summary>
public sealed class PublishCheckSettings(PortalDbContext db, AuditLog audit, ILogger<PublishCheckSettings> logger)
{
    public const string Target = "pre-publish checks";

    public async Task<IReadOnlySet<PublishCheck>> BlockingAsync(CancellationToken ct) =>
        (await db.Set<PublishCheckSetting>().AsNoTracking().Where(s => s.Blocks).Select(s => s.Check).ToListAsync(ct)).ToHashSet();

    /// <summary>Makes exactly <paramref name="blocking"/> block (unknown values are ignored); false when another admin saved at the same moment.</summary>
    public async Task<bool> SaveAsync(IEnumerable<PublishCheck> blocking, CancellationToken ct)
    {
        var wanted = blocking.Where(Enum.IsDefined).ToHashSet();
        var rows = await db.Set<PublishCheckSetting>().ToListAsync(ct);
        foreach (var check in Enum.GetValues<PublishCheck>())
        {
            var row = rows.FirstOrDefault(r => r.Check == check);
            if (row is null)
            {
                db.Add(row = new PublishCheckSetting { Check = check });
            }
            row.Blocks = wanted.Contains(check);
        }
        audit.Add(AuditLog.SettingsChange, Target, wanted.Count == 0 ? "none block" : "blocking: " + string.Join(", ", wanted.Order()));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // The first save of the settings by two admins at once: both inserted the same rows.
            logger.LogInformation("Pre-publish check settings were saved by two admins at once; this save was not applied");
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

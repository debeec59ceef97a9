using AlmatyPortal.Web.Features.Audit;

namespace AlmatyPortal.Web.Features.Media;

/// <summary>
/// Takes uploads into the media library. The bytes decide the type; images are decoded and re-encoded with SkiaSharp
/// (which drops all metadata) at a few widths; anything else but a PDF is refused with a reason.
/// </summary>
public sealed partial class MediaLibrary(PortalDbContext db, MediaStore store, AuditLog audit, TimeProvider clock, IOptions<PortalOptions> options, IStringLocalizer<SharedResource> t)
{
    public static readonly int[] Widths = [480, 960, 1600];

    /// <summary>What staff are told when an upload's bytes are already in the library (a resource key).</summary>
    public const string ReusedNotice = "This file is already in the library as {0}, so that item is used; its alt text and credit are unchanged.";

    /// <summary>Takes an upload into the library and commits it (the media page: the upload is the whole unit of work).</summary>
    public async Task<UploadOutcome> UploadAsync(Stream content, string fileName, MediaDetails details, CancellationToken ct)
    {
        var outcome = await AddAsync(content, fileName, details, ct);
        if (outcome is { Asset: not null, Reused: false })
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch
            {
                Finish(outcome, committed: false);
                throw;
            }
            Finish(outcome, committed: true);
        }
        return outcome;
    }

    /// <summary>
    /// Checks an upload, stages its files and adds the new item to the unit of work without committing it, so that it
    /// lands together with whatever the caller saves (an article that uses it) or not at all. Call
    /// <see cref="Finish"/> once the caller's save has committed or been refused.
    /// </summary>
    public async Task<UploadOutcome> AddAsync(Stream content, string fileName, MediaDetails details, CancellationToken ct)
    {
        var limit = options.Value.MaxUploadBytes;
        var bytes = await UploadScreening.ReadAtMostAsync(content, limit + 1, ct);
        if (bytes.Length == 0)
        {
            return UploadOutcome.Refused(t["The file is empty."].Value);
        }
        if (bytes.Length > limit)
        {
            return UploadOutcome.Refused(t["The file is larger than {0} MB.", (limit / (1024 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)].Value);
        }
        var name = Slug.From(Path.GetFileNameWithoutExtension(fileName));
        name = name.Length == 0 ? "file" : name[..Math.Min(name.Length, 60)];

        if (UploadScreening.StartsWith(bytes, "%PDF-"))
        {
            return await SaveDocumentAsync(bytes, name, details, ct);
        }
        if (UploadScreening.Refusal(bytes) is { } refusal)
        {
            return UploadOutcome.Refused(t[refusal].Value);
        }
        if (!details.IsDecorative && string.IsNullOrWhiteSpace(details.AltText))
        {
            return UploadOutcome.Refused(t["Describe the image in the alt text, or mark it as decorative."].Value);
        }
        if (string.IsNullOrWhiteSpace(details.Credit))
        {
            return UploadOutcome.Refused(t["Give the image a credit line, such as © UNHCR."].Value);
        }

        var image = ImageRenditions.Prepare(bytes, options.Value.MaxImagePixels, Widths);
        if (image.Refusal is { } why)
        {
            return UploadOutcome.Refused(t[why.Key, why.Arguments].Value);
        }
        var (opaque, widths) = (image.Opaque, image.Widths);
        var stored = new List<StagedFile>();
        long total = 0;
        try
        {
            foreach (var (width, encoded) in widths.Zip(image.Encoded))
            {
                total += encoded.Length;
                stored.Add(await store.StageAsync($"{name}-{width}", opaque ? ".jpg" : ".png", encoded, ct));
            }
            if (await ExistingAsync(stored[^1].FileName, ct) is { } existing)
            {
                MediaStore.Discard(stored);
                return UploadOutcome.Existing(existing);
            }
            var largest = widths[^1];
            var asset = new MediaAsset
            {
                Name = await UniqueNameAsync(name, ct),
                FileName = stored[^1].FileName,
                ContentType = opaque ? "image/jpeg" : "image/png",
                Width = largest,
                Height = image.LargestHeight,
                Variants = string.Join(';', widths.Select((w, i) => $"{w}={stored[i].FileName}")),
                Bytes = total,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            details.ApplyTo(asset);
            return Added(asset, stored, AuditText.Format(AuditText.ImageStored, image.Format, image.SourceWidth, image.SourceHeight, string.Join(", ", widths)));
        }
        catch
        {
            MediaStore.Discard(stored);
            throw;
        }
    }

    private UploadOutcome Added(MediaAsset asset, IReadOnlyList<StagedFile> files, string auditDetail)
    {
        db.Media.Add(asset);
        audit.Add(AuditLog.Upload, AuditText.Format(AuditText.Media, asset.Name), auditDetail);
        return UploadOutcome.Uploaded(asset, files);
    }

    /// <summary>
    /// After the caller's save: the row committed, so its files take their final names (a crash before this leaves
    /// pending files that the start-up sweep publishes); or it did not, so the files go and the item leaves the unit of work.
    /// </summary>
    public void Finish(UploadOutcome outcome, bool committed)
    {
        if (committed)
        {
            store.Publish(outcome.Files);
            return;
        }
        MediaStore.Discard(outcome.Files);
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added
            && (e.Entity == outcome.Asset || e.Entity is AuditEntry { Action: AuditLog.Upload })).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>Publishes the pending files whose rows committed and deletes files no row names (see <see cref="MediaStore.SweepAsync"/>).</summary>
    public async Task<MediaSweep> SweepAsync(TimeSpan olderThan, CancellationToken ct)
    {
        var rows = await db.Media.AsNoTracking().Select(m => new { m.FileName, m.Variants }).ToListAsync(ct);
        var referenced = rows.SelectMany(r => MediaAsset.VariantFiles(r.Variants).Append(r.FileName)).ToHashSet(StringComparer.Ordinal);
        return await store.SweepAsync(referenced, olderThan, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The same bytes are stored once: a second upload of them reuses the item already in the library.</summary>
    private Task<MediaAsset?> ExistingAsync(string fileName, CancellationToken ct) =>
        db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.FileName == fileName, ct);

    public async Task<bool> UpdateDetailsAsync(int id, MediaDetails details, CancellationToken ct)
    {
        var asset = await db.Media.Include(m => m.AltTranslations).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (asset is null)
        {
            return false;
        }
        details.ApplyTo(asset);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<MediaAsset>> ListAsync(CancellationToken ct) =>
        await db.Media.AsNoTracking().Include(m => m.AltTranslations).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(500).ToListAsync(ct);

    private async Task<string> UniqueNameAsync(string name, CancellationToken ct)
    {
        var candidate = name;
        for (var n = 2; await db.Media.AnyAsync(m => m.Name == candidate, ct); n++)
        {
            candidate = $"{name}-{n}";
        }
        return candidate;
    }


}

/// <summary>The words published with a media item.</summary>
public sealed record MediaDetails(string? AltText, bool IsDecorative, string? Credit, string? Photographer, string? Licence,
    IReadOnlyDictionary<string, string?>? AltTranslations = null)
{
    /// <summary>Writes the details onto the item; its <see cref="MediaAsset.AltTranslations"/> must be loaded.</summary>
    public void ApplyTo(MediaAsset asset)
    {
        asset.IsDecorative = IsDecorative;
        asset.AltText = IsDecorative ? "" : (AltText ?? "").Trim();
        var wanted = IsDecorative ? [] : (AltTranslations ?? new Dictionary<string, string?>())
            .Where(t => Infrastructure.Localization.Languages.IsSupported(t.Key) && t.Key != Infrastructure.Localization.Languages.Default && !string.IsNullOrWhiteSpace(t.Value))
            .ToDictionary(t => t.Key, t => t.Value!.Trim());
        asset.AltTranslations.RemoveAll(t => !wanted.ContainsKey(t.Language));
        foreach (var (language, text) in wanted)
        {
            if (asset.AltTranslations.FirstOrDefault(t => t.Language == language) is { } existing)
            {
                existing.Text = text;
            }
            else
            {
                asset.AltTranslations.Add(new MediaAltText { Language = language, Text = text });
            }
        }
        asset.Credit = (Credit ?? "").Trim();
        asset.Photographer = string.IsNullOrWhiteSpace(Photographer) ? null : Photographer.Trim();
        asset.Licence = string.IsNullOrWhiteSpace(Licence) ? null : Licence.Trim();
    }
}

/// <summary>
/// An upload's result: the item (new, with its staged files, or the one already holding the same bytes), or the
/// reason it was refused.
/// </summary>
public sealed record UploadOutcome(MediaAsset? Asset, string? Error, bool Reused = false, IReadOnlyList<StagedFile>? StagedFiles = null)
{
    public IReadOnlyList<StagedFile> Files => StagedFiles ?? [];

    public static UploadOutcome Uploaded(MediaAsset asset, IReadOnlyList<StagedFile> files) => new(asset, null, StagedFiles: files);
    public static UploadOutcome Existing(MediaAsset asset) => new(asset, null, Reused: true);
    public static UploadOutcome Refused(string error) => new(null, error);
}

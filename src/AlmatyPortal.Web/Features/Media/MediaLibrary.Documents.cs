using System.Text;
using AlmatyPortal.Web.Features.Audit;

namespace AlmatyPortal.Web.Features.Media;

/// <summary>PDF uploads: stored as they are (never decoded), served as attachments.</summary>
public sealed partial class MediaLibrary
{
    private async Task<UploadOutcome> SaveDocumentAsync(byte[] bytes, string name, MediaDetails details, CancellationToken ct)
    {
        if (Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).Contains("<html", StringComparison.OrdinalIgnoreCase))
        {
            return UploadOutcome.Refused(t["The file holds other content besides a PDF, so it is not accepted."].Value);
        }
        var staged = await store.StageAsync(name, ".pdf", bytes, ct);
        try
        {
            if (await ExistingAsync(staged.FileName, ct) is { } existing)
            {
                MediaStore.Discard([staged]);
                return UploadOutcome.Existing(existing);
            }
            var asset = new MediaAsset
            {
                Name = await UniqueNameAsync(name, ct),
                FileName = staged.FileName,
                ContentType = "application/pdf",
                Bytes = bytes.Length,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            details.ApplyTo(asset);
            asset.IsDecorative = false;
            return Added(asset, [staged], AuditText.Format(AuditText.PdfStored, bytes.Length));
        }
        catch
        {
            MediaStore.Discard([staged]);
            throw;
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Security;

/// <summary>Uploads over the limit, the same bytes twice, and files left behind by a crash.</summary>
public sealed class UploadSafetyTests : IDisposable
{
    private readonly PortalFactory _portal = new(null, new Dictionary<string, string?>
    {
        ["Portal:MaxUploadBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public void Dispose() => _portal.Dispose();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, string alt = "Delegates")
    {
        var token = await Staff.TokenAsync(client, "/admin/media", "form[enctype='multipart/form-data']");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "Upload", fileName);
        form.Add(new StringContent(alt), "Details.AltText");
        form.Add(new StringContent("© UNHCR"), "Details.Credit");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/admin/media?handler=Upload", form);
    }

    private string[] MediaFiles() =>
        Directory.Exists(Path.Combine(_portal.DataPath, "media")) ? Directory.GetFiles(Path.Combine(_portal.DataPath, "media")).Select(f => Path.GetFileName(f)).ToArray() : [];

    [Fact]
    public async Task A_request_larger_than_the_upload_limit_and_its_form_margin_gets_413_with_the_limit_in_the_message()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var before = await _portal.WithDbAsync(db => db.Media.CountAsync());

        var response = await UploadAsync(editor, new byte[(int)UploadLimits.FormMargin + 2 * 1024 * 1024], "huge.jpg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The file is larger than 1 MB.", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await _portal.WithDbAsync(db => db.Media.CountAsync()));
    }

    [Fact]
    public async Task The_same_image_uploaded_twice_reuses_the_first_item_and_says_so()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var image = Images.Jpeg(800, 600);

        var first = await UploadAsync(editor, image, "delegates.jpg");
        var second = await UploadAsync(editor, image, "delegates.jpg", alt: "Other words");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var items = await _portal.WithDbAsync(db => db.Media.Where(m => m.Name.StartsWith("delegates")).ToListAsync());
        Assert.Equal("Delegates", Assert.Single(items).AltText);
        var notice = Html.Text(await editor.GetStringAsync("/admin/media"));
        Assert.Contains("This file is already in the library as delegates, so that item is used", notice, StringComparison.Ordinal);
        Assert.DoesNotContain(MediaFiles(), f => f.EndsWith(MediaStore.PendingSuffix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sweep_publishes_a_pending_file_whose_row_committed_and_deletes_files_no_row_names()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        await UploadAsync(editor, Images.Jpeg(800, 600), "kept.jpg");
        var asset = await _portal.WithDbAsync(db => db.Media.SingleAsync(m => m.Name == "kept"));
        var folder = Path.Combine(_portal.DataPath, "media");
        // As a crash leaves them: the row's file still pending, a stray pending file, and a whole file with no row.
        File.Move(Path.Combine(folder, asset.FileName), Path.Combine(folder, asset.FileName + ".0badf00d.pending"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "stray-480-0123456789.jpg.12345678.pending"), [1, 2, 3]);
        await File.WriteAllBytesAsync(Path.Combine(folder, "orphan-480-0123456789.jpg"), Images.Jpeg(480, 360));
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateReader().GetAsync("/media/" + asset.FileName + ".0badf00d.pending")).StatusCode);

        var sweep = await _portal.WithServicesAsync(sp => sp.GetRequiredService<MediaLibrary>().SweepAsync(TimeSpan.Zero, CancellationToken.None));

        Assert.Equal(1, sweep.Published);
        Assert.Equal(["orphan-480-0123456789.jpg", "stray-480-0123456789.jpg.12345678.pending"], sweep.Deleted.Order(StringComparer.Ordinal));
        Assert.Contains(asset.FileName, MediaFiles());
        Assert.Equal(HttpStatusCode.OK, (await _portal.CreateReader().GetAsync("/media/" + asset.FileName)).StatusCode);
    }
}

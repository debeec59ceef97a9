using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Admin;

/// <summary>An article and the featured image uploaded with it land together or not at all.</summary>
public sealed class ArticleImageUnitTests : IDisposable
{
    private readonly PortalFactory _portal = new(null);

    public void Dispose() => _portal.Dispose();

    private async Task<HttpResponseMessage> SaveWithImageAsync(HttpClient editor, string title, byte[] image, string alt = "Delegates in Almaty")
    {
        var token = await Staff.TokenAsync(editor, "/admin/articles/edit", "#article-editor");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in Editor.Fields(title, "Body text.", await Seed.SectionIdAsync(_portal), slug: "with-new-image"))
        {
            form.Add(new StringContent(value), name);
        }
        form.Add(new ByteArrayContent(image), "NewImage", "delegates.jpg");
        form.Add(new StringContent(alt), "NewImageDetails.AltText");
        form.Add(new StringContent("© UNHCR"), "NewImageDetails.Credit");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await editor.PostAsync("/admin/articles/edit?handler=Save", form);
    }

    private Task<(int Media, int Articles)> CountsAsync() =>
        _portal.WithDbAsync(async db => (await db.Media.CountAsync(), await db.Articles.CountAsync()));

    private string[] MediaFiles() => Directory.GetFiles(Path.Combine(_portal.DataPath, "media"));

    [Fact]
    public async Task A_refused_article_leaves_no_image_row_and_no_file_behind()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var before = await CountsAsync();
        var files = MediaFiles().Length;

        var response = await SaveWithImageAsync(editor, "", Images.Jpeg(800, 600));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(files, MediaFiles().Length);
    }

    [Fact]
    public async Task A_refused_image_leaves_the_article_unsaved_with_the_reason_beside_the_image_field()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var before = await CountsAsync();

        var response = await SaveWithImageAsync(editor, "A report with a bad image", Images.Jpeg(800, 600), alt: "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Describe the image in the alt text, or mark it as decorative.", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        Assert.DoesNotContain(MediaFiles(), f => f.EndsWith(".pending", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_valid_article_and_its_new_image_are_saved_together()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var before = await CountsAsync();

        var response = await SaveWithImageAsync(editor, "A report with a photo", Images.Jpeg(800, 600));

        var id = Editor.IdFrom(response);
        Assert.Equal((before.Media + 1, before.Articles + 1), await CountsAsync());
        var image = await _portal.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.FeaturedImage!).SingleAsync());
        Assert.Equal("Delegates in Almaty", image.AltText);
        Assert.True(File.Exists(Path.Combine(_portal.DataPath, "media", image.FileName)));
        Assert.DoesNotContain(MediaFiles(), f => f.EndsWith(".pending", StringComparison.Ordinal));
    }
}

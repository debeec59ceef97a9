using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Admin;

public sealed class MediaTests : IDisposable
{
    private readonly PortalFactory _portal = new(null, new Dictionary<string, string?>
    {
        ["Portal:MaxUploadBytes"] = (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Portal:MaxImagePixels"] = "12000000",
    });

    public void Dispose() => _portal.Dispose();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName,
        string alt = "Delegates at the conference", string credit = "© UNHCR", bool decorative = false, string contentType = "image/jpeg")
    {
        var token = await Staff.TokenAsync(client, "/admin/media", "form[enctype='multipart/form-data']");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "Upload", fileName);
        form.Add(new StringContent(alt), "Details.AltText");
        form.Add(new StringContent(credit), "Details.Credit");
        form.Add(new StringContent("A. Photographer"), "Details.Photographer");
        form.Add(new StringContent("All rights reserved"), "Details.Licence");
        if (decorative)
        {
            form.Add(new StringContent("true"), "Details.IsDecorative");
        }
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/admin/media?handler=Upload", form);
    }

    private Task<int> MediaCountAsync() => _portal.WithDbAsync(db => db.Media.CountAsync());

    [Fact]
    public async Task A_jpeg_is_re_encoded_at_several_widths_without_metadata_and_served_with_srcset()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        var response = await UploadAsync(editor, Images.JpegWithExif(), "Delegates (Almaty).JPG");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var asset = await _portal.WithDbAsync(db => db.Media.SingleAsync(m => m.Name == "delegates-almaty"));
        Assert.Equal(("image/jpeg", 800, 600), (asset.ContentType, asset.Width, asset.Height));
        Assert.StartsWith("480=delegates-almaty-480-", asset.Variants, StringComparison.Ordinal);
        Assert.Equal(("© UNHCR", "A. Photographer", "All rights reserved"), (asset.Credit, asset.Photographer, asset.Licence));
        var section = await _portal.WithDbAsync(db => db.Sections.Where(s => s.Slug == "news").Select(s => s.Id).SingleAsync());
        await Editor.PostAsync(editor, null, "Publish", Editor.Fields("With a photo", "Text.", slug: "with-a-photo", sectionId: section, imageId: asset.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var page = await _portal.CreateReader().GetStringAsync("/news/with-a-photo");
        var variants = asset.Variants.Split(';').Select(v => v.Split('=')).ToList();
        Assert.Equal(["480", "800"], variants.Select(v => v[0]));
        Assert.Contains($"srcset=\"/media/{variants[0][1]} 480w, /media/{variants[1][1]} 800w\"", page, StringComparison.Ordinal);
        var stored = await _portal.CreateReader().GetAsync("/media/" + asset.FileName);
        var bytes = await stored.Content.ReadAsByteArrayAsync();
        Assert.Equal("nosniff", stored.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("SERIAL-12345", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_image_is_kept_at_most_1600_pixels_wide()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        await UploadAsync(editor, Images.Jpeg(3000, 1500), "wide.jpg");

        var asset = await _portal.WithDbAsync(db => db.Media.SingleAsync(m => m.Name == "wide"));
        Assert.Equal((1600, 800), (asset.Width, asset.Height));
        Assert.Equal(["480", "960", "1600"], asset.Variants.Split(';').Select(v => v.Split('=')[0]));
    }

    [Fact]
    public async Task Png_and_webp_are_accepted_and_a_decorative_image_needs_no_alt_text()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(editor, Images.Png(), "chart.png", contentType: "image/png")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(editor, Images.Webp(), "ornament.webp", alt: "", decorative: true, contentType: "image/webp")).StatusCode);
        Assert.Equal(3, await MediaCountAsync());
    }

    public static TheoryData<string, byte[], string, string> Refusals => new()
    {
        { "an SVG", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "logo.jpg", "SVG images are not accepted" },
        { "an HTML page", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), "photo.png", "HTML and XML files are not accepted" },
        { "a Windows program", [.. "MZ"u8.ToArray(), .. new byte[2000]], "photo.jpg", "Programs and scripts are not accepted" },
        { "a Linux program", [0x7F, .. "ELF"u8.ToArray(), .. new byte[2000]], "photo.jpg", "Programs and scripts are not accepted" },
        { "a JPEG with a page appended", [.. Images.Jpeg(400, 300), .. "<html><script>alert(1)</script></html>"u8.ToArray()], "polyglot.jpg", "holds other content besides an image" },
        { "a PNG with an archive appended", [.. Images.Png(), .. new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, .. new byte[100]], "polyglot.png", "holds other content besides an image" },
        { "a broken JPEG", Images.Jpeg(800, 600)[..3000], "broken.jpg", "broken or incomplete" },
        { "random bytes", Enumerable.Range(0, 5000).Select(i => (byte)(i * 7 % 251)).ToArray(), "noise.jpg", "not a JPEG, PNG or WebP image" },
        { "a GIF", "GIF89a"u8.ToArray().Concat(new byte[200]).ToArray(), "anim.gif", "not a JPEG, PNG or WebP image" },
        { "an oversized file", [.. Images.Jpeg(100, 100), .. new byte[3 * 1024 * 1024]], "huge.jpg", "larger than 2 MB" },
        { "too many pixels", Images.Png(4000, 3500), "big.png", "the limit is 12 megapixels" },
        { "an empty file", [], "empty.jpg", "Choose a file to upload" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_file_is_refused_with_a_clear_message_and_nothing_is_stored(string what, byte[] bytes, string fileName, string message)
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var before = await MediaCountAsync();

        var response = await UploadAsync(editor, bytes, fileName);
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{what}: {(int)response.StatusCode}");
        Assert.Contains(message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(before, await MediaCountAsync());
    }

    [Theory]
    [InlineData("", "© UNHCR", "Describe the image in the alt text")]
    [InlineData("A photo", "", "Give the image a credit line")]
    public async Task An_image_needs_alt_text_and_a_credit(string alt, string credit, string message)
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        var response = await UploadAsync(editor, Images.Jpeg(400, 300), "photo.jpg", alt, credit);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await MediaCountAsync());
    }

    [Fact]
    public async Task A_pdf_is_stored_and_served_as_an_attachment()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

        var response = await UploadAsync(editor, pdf, "Almaty Declaration.pdf", alt: "Almaty Declaration", contentType: "application/pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var asset = await _portal.WithDbAsync(db => db.Media.SingleAsync(m => m.ContentType == "application/pdf"));
        var served = await _portal.CreateReader().GetAsync("/media/" + asset.FileName);
        Assert.Equal("attachment", served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_uploaded_image_chosen_as_featured_image_is_served_with_srcset_and_its_credit()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        await UploadAsync(editor, Images.Jpeg(1200, 800), "hall.jpg", alt: "The conference hall", credit: "© UNHCR/A. Photographer");
        var imageId = await _portal.WithDbAsync(db => db.Media.Where(m => m.Name == "hall").Select(m => m.Id).SingleAsync());
        var section = await _portal.WithDbAsync(db => db.Sections.Where(s => s.Slug == "news").Select(s => s.Id).SingleAsync());

        var saved = await Editor.PostAsync(editor, null, "Publish", Editor.Fields("With a picture", "Text.", sectionId: section, imageId: imageId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await _portal.CreateReader().GetStringAsync("/news/with-a-picture");
        Assert.Matches("srcset=\"/media/hall-480-[0-9a-f]{10}\\.jpg 480w, /media/hall-960-[0-9a-f]{10}\\.jpg 960w, /media/hall-1200-[0-9a-f]{10}\\.jpg 1200w\"", page);
        Assert.Contains("alt=\"The conference hall\"", page, StringComparison.Ordinal);
        Assert.Contains("© UNHCR/A. Photographer", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rights_of_an_item_can_be_corrected()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var id = await _portal.WithDbAsync(db => db.Media.Select(m => m.Id).SingleAsync());
        var token = await Staff.TokenAsync(editor, "/admin/media", "form.compact");

        await editor.PostAsync($"/admin/media?handler=Update&id={id}", Staff.Form(token,
            ("Details.AltText", "Corrected alt"), ("Details.Credit", "© UNHCR"), ("Details.Photographer", "B. Photographer"), ("Details.Licence", "CC BY 4.0")));

        var asset = await _portal.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == id));
        Assert.Equal(("Corrected alt", "B. Photographer", "CC BY 4.0"), (asset.AltText, asset.Photographer, asset.Licence));
    }

    private async Task<HttpResponseMessage> PublishWithUploadAsync(HttpClient editor, byte[] image, string credit)
    {
        var token = await Staff.TokenAsync(editor, "/admin/articles/edit", "#article-editor");
        var section = await _portal.WithDbAsync(db => db.Sections.Where(s => s.Slug == "news").Select(s => s.Id).SingleAsync());
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in Editor.Fields("Uploaded with the article", "Text.", sectionId: section))
        {
            form.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "NewImage", "from-the-editor.jpg");
        form.Add(new StringContent("Delegates in the hall"), "NewImageDetails.AltText");
        form.Add(new StringContent(credit), "NewImageDetails.Credit");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await editor.PostAsync("/admin/articles/edit?handler=Publish", form);
    }

    [Fact]
    public async Task The_article_editor_can_upload_a_new_featured_image_with_its_credit()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        var response = await PublishWithUploadAsync(editor, Images.Jpeg(900, 600), "© UNHCR/Editor");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await _portal.CreateReader().GetStringAsync("/news/uploaded-with-the-article");
        Assert.Contains("alt=\"Delegates in the hall\"", page, StringComparison.Ordinal);
        Assert.Contains("© UNHCR/Editor", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_upload_in_the_editor_saves_nothing_and_says_why_beside_the_field()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        var response = await PublishWithUploadAsync(editor, "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray(), "© UNHCR");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("SVG images are not accepted", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Uploaded with the article\"", html, StringComparison.Ordinal);
        Assert.False(await _portal.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "Uploaded with the article")));
        Assert.Equal(1, await MediaCountAsync());
    }
}

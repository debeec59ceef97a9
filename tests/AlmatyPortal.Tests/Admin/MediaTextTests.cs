using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Admin;

/// <summary>An image's alt text in each language: a Russian page describes its image in Russian.</summary>
public sealed class MediaTextTests : IDisposable
{
    private readonly PortalFactory _portal = new(null);

    public void Dispose() => _portal.Dispose();

    private async Task<AngleSharp.Dom.IElement> ImageAsync(string url)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await _portal.CreateReader().GetStringAsync(url));
        return document.QuerySelector("article img")!;
    }

    [Fact]
    public async Task The_seed_image_is_described_in_the_language_of_each_page()
    {
        var english = await ImageAsync(Seed.ArticleUrl);
        var russian = await ImageAsync(Integration.LanguageTests.RussianArticleUrl);

        Assert.StartsWith("Illustration of a conference platform in Almaty", english.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.StartsWith("Иллюстрация конференц-зала в Алматы", russian.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Null(russian.GetAttribute("lang"));
    }

    [Fact]
    public async Task Staff_set_the_russian_alt_text_in_the_library_and_without_one_the_english_text_is_marked_english()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var id = await _portal.WithDbAsync(db => db.Media.Select(m => m.Id).SingleAsync());
        async Task UpdateAsync(string russianAlt)
        {
            var token = await Staff.TokenAsync(editor, "/admin/media", $"form[action*='id={id}']");
            var response = await editor.PostAsync($"/admin/media?handler=Update&id={id}", Staff.Form(token,
                ("Details.AltText", "Conference platform in Almaty"), ("Details.AltIn[ru]", russianAlt), ("Details.Credit", "© UNHCR")));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }

        await UpdateAsync("Трибуна конференции в Алматы");
        Assert.Equal("Трибуна конференции в Алматы", (await ImageAsync(Integration.LanguageTests.RussianArticleUrl)).GetAttribute("alt"));

        await UpdateAsync("");
        var fallback = await ImageAsync(Integration.LanguageTests.RussianArticleUrl);
        Assert.Equal(("Conference platform in Almaty", "en"), (fallback.GetAttribute("alt"), fallback.GetAttribute("lang")));
        Assert.Equal(0, await _portal.WithDbAsync(db => db.Set<Web.Features.Media.MediaAltText>().CountAsync()));
    }
}

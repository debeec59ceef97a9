using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Admin;

/// <summary>The admin area and the staff account pages in Russian, under /ru, with nothing left in English.</summary>
public sealed class AdminLanguageTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private async Task<string[]> AdminPagesAsync()
    {
        var (english, russian, conference, conferenceRu) = await portal.WithDbAsync(async db => (
            await db.Articles.Where(a => a.Language == "en").Select(a => a.Id).FirstAsync(),
            await db.Articles.Where(a => a.Language == "ru").Select(a => a.Id).FirstAsync(),
            await db.Conferences.Where(c => c.Language == "en").Select(c => c.Id).FirstAsync(),
            await db.Conferences.Where(c => c.Language == "ru").Select(c => c.Id).FirstAsync()));
        return
        [
            "/ru/admin", "/ru/admin/articles", "/ru/admin/articles?status=draft", "/ru/admin/articles/edit",
            $"/ru/admin/articles/edit/{english}", $"/ru/admin/articles/edit/{russian}", $"/ru/admin/articles/{english}/history",
            "/ru/admin/conferences", "/ru/admin/conferences/edit", "/ru/admin/processes", "/ru/admin/processes/edit", "/ru/admin/insight", "/ru/admin/countries", "/ru/admin/people", $"/ru/admin/conferences/edit/{conference}", $"/ru/admin/conferences/edit/{conferenceRu}",
            "/ru/admin/media", "/ru/admin/sections", "/ru/admin/tags", "/ru/admin/organisations", "/ru/admin/users", "/ru/admin/audit", "/ru/admin/settings/checks",
            "/ru/account/password",
        ];
    }

    private static void AssertRussian(string url, string html)
    {
        Assert.Contains("<html lang=\"ru\">", html, StringComparison.Ordinal);
        // The scan reads the page as a reader sees it: the Russian site name in the header is in what it reads.
        Assert.Contains("УВКБ ООН в Центральной Азии", InterfaceText.Visible(html, withoutOtherLanguages: true), StringComparison.Ordinal);
        var leftovers = InterfaceText.EnglishLeftOn(html);
        Assert.True(leftovers is null, $"{url} still shows English: {leftovers}");
    }

    [Fact]
    public async Task Every_admin_page_is_in_russian_under_ru()
    {
        var admin = await Staff.SignedInAsync(portal, StaffRoles.Admin);
        // A draft saved in Russian, so the dashboard and history list it and the audit log has rows.
        var token = await Staff.TokenAsync(admin, "/ru/admin/articles/edit", "#article-editor");
        var saved = await admin.PostAsync("/ru/admin/articles/edit?handler=Save", Staff.Form(token, Editor.Fields("Черновик", "Текст.", sectionId: await Seed.SectionIdAsync(portal, "news-of-the-region"))));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        foreach (var url in await AdminPagesAsync())
        {
            var response = await admin.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            AssertRussian(url, await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("/ru/account/login", HttpStatusCode.OK)]
    [InlineData("/ru/account/denied", HttpStatusCode.Forbidden)]
    public async Task The_sign_in_pages_are_in_russian(string url, HttpStatusCode status)
    {
        var response = await Staff.Client(portal).GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        AssertRussian(url, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_russian_admin_address_signs_in_in_russian_and_comes_back_to_it()
    {
        var email = await Staff.CreateAsync(portal, StaffRoles.Editor);
        var client = Staff.Client(portal);

        var challenge = await client.GetAsync("/ru/admin/articles");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal("/ru/account/login", challenge.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fru%2Fadmin%2Farticles", challenge.Headers.Location.Query, StringComparison.Ordinal);

        var token = await Staff.TokenAsync(client, "/ru/account/login");
        var wrong = await client.PostAsync("/ru/account/login", Staff.Form(token, ("Email", email), ("Password", "not the password")));
        AssertRussian("failed sign-in", await wrong.Content.ReadAsStringAsync());

        var signedIn = await client.PostAsync("/ru/account/login", Staff.Form(token, ("Email", email), ("Password", Staff.Password)));
        Assert.Equal("/ru/admin", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Saving_on_a_russian_admin_page_stays_in_russian_and_says_why_input_is_refused_in_russian()
    {
        var editor = await Staff.SignedInAsync(portal, StaffRoles.Editor);
        var token = await Staff.TokenAsync(editor, "/ru/admin/articles/edit", "#article-editor");

        var refused = await editor.PostAsync("/ru/admin/articles/edit?handler=Save", Staff.Form(token, Editor.Fields("", "", sectionId: await Seed.SectionIdAsync(portal, "news-of-the-region"))));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.OK, $"{(int)refused.StatusCode} {refused.Headers.Location}");
        Assert.True(html.Contains("field-validation-error", StringComparison.Ordinal), html);
        AssertRussian("refused article", html);

        var saved = await editor.PostAsync("/ru/admin/articles/edit?handler=Save", Staff.Form(token, Editor.Fields("Заметка", "Текст заметки.", sectionId: await Seed.SectionIdAsync(portal, "news-of-the-region"))));
        Assert.StartsWith("/ru/admin/articles/edit/", saved.Headers.Location?.OriginalString, StringComparison.Ordinal);
        AssertRussian("saved article", await editor.GetStringAsync(saved.Headers.Location));
    }

    [Fact]
    public async Task Links_on_a_russian_admin_page_stay_in_russian_and_the_switcher_keeps_the_record()
    {
        var admin = await Staff.SignedInAsync(portal, StaffRoles.Admin);
        var id = await portal.WithDbAsync(db => db.Articles.Select(a => a.Id).FirstAsync());
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await admin.GetStringAsync($"/ru/admin/articles/edit/{id}"));

        var english = document.QuerySelectorAll("a[href^='/admin']:not([hreflang]), a[href^='/account'], form[action^='/admin'], form[action^='/account'], button[formaction^='/admin']").ToList();
        Assert.True(english.Count == 0, string.Join(" ", english.Select(e => e.OuterHtml[..Math.Min(120, e.OuterHtml.Length)])));
        Assert.NotEmpty(document.QuerySelectorAll("a[href^='/ru/admin/articles']"));
        Assert.Equal($"/admin/articles/edit/{id}", document.QuerySelector("a.language[hreflang=en]")?.GetAttribute("href"));
        Assert.Null(document.QuerySelector("link[rel=alternate][hreflang]"));
    }

    [Fact]
    public async Task A_russian_admin_address_needs_the_same_rights_as_the_english_one()
    {
        var editor = await Staff.SignedInAsync(portal, StaffRoles.Editor);

        var refused = await editor.GetAsync("/ru/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        AssertRussian("/ru/admin/users (403)", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/kk/admin")).StatusCode);
    }
}

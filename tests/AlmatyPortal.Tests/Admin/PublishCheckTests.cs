using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Media;
using AlmatyPortal.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Admin;

/// <summary>The pre-publish checks: each check's finding in the editor and its preview, and the admin's choice to make checks block.</summary>
public class PublishCheckTests : IDisposable
{
    private const string GoodSummary = "Monitors visited four border crossings in March.";
    private readonly PortalFactory _portal;

    public PublishCheckTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected PublishCheckTests(PortalDatabase database) => _portal = new(null, database: database);

    public void Dispose()
    {
        _portal.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<int> SectionAsync() => Seed.SectionIdAsync(_portal);

    /// <summary>The checks the preview lists for the article written in the form, as (check, the field it links to, its text).</summary>
    private async Task<IReadOnlyList<(string Check, string Link, string Text)>> PreviewProblemsAsync(
        string body, string title = "Border monitoring report", string summary = GoodSummary, string? imageId = null, HttpClient? editor = null)
    {
        editor ??= await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var response = await Editor.PostAsync(editor, null, "Preview", Editor.Fields(title, body, summary: summary, sectionId: await SectionAsync(), imageId: imageId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Problems(await response.Content.ReadAsStringAsync());
    }

    private static List<(string Check, string Link, string Text)> Problems(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll(".publish-checks li[data-check]")
            .Select(li => (li.GetAttribute("data-check")!, li.QuerySelector("a")!.GetAttribute("href")!, li.TextContent.Trim())).ToList();

    private static IEnumerable<string> Checks(IEnumerable<(string Check, string Link, string Text)> problems) => problems.Select(p => p.Check);

    private Task<int> ImageAsync(string altText, string credit) => _portal.WithDbAsync(async db =>
    {
        var image = new MediaAsset
        {
            Name = "photo-" + Guid.NewGuid().ToString("N")[..8], FileName = Guid.NewGuid().ToString("N") + ".png", ContentType = "image/png",
            Width = 300, Height = 200, AltText = altText, Credit = credit, CreatedAt = DateTime.UtcNow,
        };
        db.Media.Add(image);
        await db.SaveChangesAsync();
        return image.Id;
    });

    [Fact]
    public async Task A_well_made_article_passes_every_check_and_the_preview_says_so()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var response = await Editor.PostAsync(editor, null, "Preview", Editor.Fields("Border monitoring report",
            $"## What they saw\n\n### At the crossings\n\nSee [the report on the 2011 conference]({Seed.ArticleUrl}), [its record]({Seed.ConferenceUrl}), [the Almaty Process](/processes/almaty-process) and [the Russian record](/ru/conferences/{Seed.RussianConferenceSlug}).",
            summary: GoodSummary, sectionId: await SectionAsync()));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Empty(Problems(html));
        Assert.Contains("The pre-publish checks found nothing to fix.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_featured_image_without_alt_text_is_listed_and_links_to_the_image_field()
    {
        var image = await ImageAsync(altText: "", credit: "© UNHCR");

        var problems = await PreviewProblemsAsync("Text.", imageId: image.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([("ImageWithoutAltText", "#Input_FeaturedImageId")], problems.Select(p => (p.Check, p.Link)));
    }

    [Fact]
    public async Task A_featured_image_without_a_credit_is_listed_and_links_to_the_image_field()
    {
        var image = await ImageAsync(altText: "Delegates at the table", credit: "");

        var problems = await PreviewProblemsAsync("Text.", imageId: image.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([("ImageWithoutCredit", "#Input_FeaturedImageId")], problems.Select(p => (p.Check, p.Link)));
    }

    [Fact]
    public async Task An_image_in_the_body_without_alt_text_is_listed_and_links_to_the_body()
    {
        var problems = await PreviewProblemsAsync("Text.\n\n![](https://example.org/photo.jpg)\n\n![Delegates](https://example.org/other.jpg)");

        var problem = Assert.Single(problems);
        Assert.Equal(("ImageWithoutAltText", "#Input_Body"), (problem.Check, problem.Link));
        Assert.Contains("https://example.org/photo.jpg", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_in_the_body_from_the_library_without_a_credit_is_listed_and_one_with_a_credit_is_not()
    {
        var uncredited = await ImageAsync(altText: "Delegates at the table", credit: "");
        var credited = await ImageAsync(altText: "The hall", credit: "© UNHCR");
        var files = await _portal.WithDbAsync(db => db.Media.Where(m => m.Id == uncredited || m.Id == credited).OrderBy(m => m.Id).Select(m => m.FileName).ToListAsync());

        var problems = await PreviewProblemsAsync($"Text.\n\n![Delegates](/media/{files[0]})\n\n![The hall](/media/{files[1]})");

        var problem = Assert.Single(problems);
        Assert.Equal(("ImageWithoutCredit", "#Input_Body"), (problem.Check, problem.Link));
        Assert.Contains(files[0], problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_skipped_heading_level_is_listed_and_a_heading_one_level_down_is_not()
    {
        var problems = await PreviewProblemsAsync("## Background\n\n### Borders\n\n## Outcome\n\n#### Declaration");

        var problem = Assert.Single(problems);
        Assert.Equal(("HeadingLevelSkipped", "#Input_Body"), (problem.Check, problem.Link));
        Assert.Contains("“Declaration” is level 4 after level 2", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_whose_first_heading_is_level_three_skips_level_two()
    {
        Assert.Equal(["HeadingLevelSkipped"], Checks(await PreviewProblemsAsync("### Straight to level three")));
    }

    [Fact]
    public async Task Link_text_like_here_or_click_here_is_listed_in_english_and_russian()
    {
        var problems = await PreviewProblemsAsync("Read it [here](https://example.org/a). Or [click here](https://example.org/b). Или [нажмите здесь](https://example.org/c). The [UNHCR report](https://example.org/d).");

        Assert.Equal(["VagueLinkText", "VagueLinkText", "VagueLinkText"], Checks(problems));
        Assert.All(problems, p => Assert.Equal("#Input_Body", p.Link));
    }

    [Fact]
    public async Task A_link_without_text_or_without_an_address_is_listed_as_empty()
    {
        var problems = await PreviewProblemsAsync("An empty [](https://example.org/a) link, and [a link to nowhere]().");

        Assert.Equal(["EmptyLink", "EmptyLink"], Checks(problems));
    }

    [Fact]
    public async Task An_internal_link_to_a_page_that_does_not_exist_is_listed_and_links_to_real_pages_are_not()
    {
        var problems = await PreviewProblemsAsync(
            $"See [the report]({Seed.ArticleUrl}), [the Russian report](/ru/news/{Seed.RussianArticleSlug}), [a lost story](/news/no-such-story), " +
            $"[the English slug under Russian](/ru/news/{Seed.ArticleSlug}), [news](/news), [a missing tag](/tags/no-such-tag), [the stylesheet](/css/site.css), [a lost process](/processes/no-such-process).");

        Assert.Equal(["BrokenInternalLink", "BrokenInternalLink", "BrokenInternalLink", "BrokenInternalLink"], Checks(problems));
        Assert.Contains(problems, p => p.Text.Contains("/news/no-such-story", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Text.Contains($"/ru/news/{Seed.ArticleSlug}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Text.Contains("/tags/no-such-tag", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Text.Contains("/processes/no-such-process", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_to_a_draft_is_listed_because_readers_would_not_find_it()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        await Editor.PostAsync(editor, null, "Save", Editor.Fields("Unpublished background", "Draft.", sectionId: await SectionAsync()));

        Assert.Equal(["BrokenInternalLink"], Checks(await PreviewProblemsAsync("See [the background](/news/unpublished-background).", editor: editor)));
    }

    [Fact]
    public async Task A_missing_summary_is_listed_and_links_to_the_summary_field()
    {
        Assert.Equal([("SummaryMissing", "#Input_Summary")], (await PreviewProblemsAsync("Text.", summary: "")).Select(p => (p.Check, p.Link)));
    }

    [Fact]
    public async Task A_summary_over_300_characters_is_listed_and_one_of_300_is_not()
    {
        Assert.Equal(["SummaryTooLong"], Checks(await PreviewProblemsAsync("Text.", summary: new string('a', 301))));
        Assert.Empty(await PreviewProblemsAsync("Text.", summary: new string('a', 300)));
    }

    [Fact]
    public async Task A_title_over_110_characters_is_listed_and_one_of_110_is_not()
    {
        Assert.Equal([("TitleTooLong", "#Input_Title")], (await PreviewProblemsAsync("Text.", title: new string('t', 111))).Select(p => (p.Check, p.Link)));
        Assert.Empty(await PreviewProblemsAsync("Text.", title: new string('t', 110)));
    }

    [Fact]
    public async Task A_translation_whose_source_changed_is_listed_in_its_editor_until_it_is_saved()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var section = await SectionAsync();
        var id = Editor.IdFrom(await Editor.PostAsync(editor, null, "Publish", Editor.Fields("Border monitoring report", "Monitors visited crossings.", summary: GoodSummary, sectionId: section)));
        var token = await Staff.TokenAsync(editor, $"/admin/articles/edit/{id}", "#article-editor");
        var translation = Editor.IdFrom(await editor.PostAsync($"/admin/articles/edit/{id}?handler=Translate", Staff.Form(token, ("language", "ru"))));
        Assert.Empty(Problems(await editor.GetStringAsync($"/admin/articles/edit/{translation}")));

        await Editor.PostAsync(editor, id, "Publish", Editor.Fields("Border monitoring report", "Monitors visited four crossings.", version: 1, summary: GoodSummary, sectionId: section));

        var problem = Assert.Single(Problems(await editor.GetStringAsync($"/admin/articles/edit/{translation}")));
        Assert.Equal(("TranslationBehind", "#source-title"), (problem.Check, problem.Link));
        await Editor.PostAsync(editor, translation, "Save", Editor.Fields("Доклад о мониторинге границ", "Наблюдатели посетили четыре пункта.", version: 1, summary: "Наблюдатели посетили пункты пропуска.", sectionId: section));
        Assert.Empty(Problems(await editor.GetStringAsync($"/admin/articles/edit/{translation}")));
    }

    [Fact]
    public async Task By_default_the_checks_only_warn_and_publishing_goes_ahead()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        var response = await Editor.PostAsync(editor, null, "Publish", Editor.Fields(new string('t', 111), "Read [here](/news/nowhere).", summary: "", sectionId: await SectionAsync()));

        var id = Editor.IdFrom(response);
        Assert.Equal(PublicationStatus.Published, await _portal.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_check_an_admin_made_blocking_stops_publish_with_its_message_and_the_others_still_only_warn()
    {
        var admin = await Staff.SignedInAsync(_portal, StaffRoles.Admin);
        var token = await Staff.TokenAsync(admin, "/admin/settings/checks", "#check-settings");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/settings/checks", Staff.Form(token, ("Blocking", "SummaryMissing")))).StatusCode);
        Assert.Contains("value=\"SummaryMissing\" checked=\"checked\"", await admin.GetStringAsync("/admin/settings/checks"), StringComparison.Ordinal);
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        var refused = await Editor.PostAsync(editor, null, "Publish", Editor.Fields("Border monitoring report", "Read [here](https://example.org).", summary: "", sectionId: await SectionAsync()));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Not published: There is no summary", html, StringComparison.Ordinal);
        Assert.Contains(Problems(html), p => p.Check == "SummaryMissing" && p.Text.Contains("(blocks publishing)", StringComparison.Ordinal));
        Assert.Contains(Problems(html), p => p.Check == "VagueLinkText" && !p.Text.Contains("(blocks publishing)", StringComparison.Ordinal));
        Assert.False(await _portal.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "Border monitoring report")));

        var published = Editor.IdFrom(await Editor.PostAsync(editor, null, "Publish", Editor.Fields("Border monitoring report", "Read [here](https://example.org).", summary: GoodSummary, sectionId: await SectionAsync())));
        Assert.Equal(PublicationStatus.Published, await _portal.WithDbAsync(db => db.Articles.Where(a => a.Id == published).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_blocking_check_does_not_stop_saving_a_draft()
    {
        var admin = await Staff.SignedInAsync(_portal, StaffRoles.Admin);
        var token = await Staff.TokenAsync(admin, "/admin/settings/checks", "#check-settings");
        await admin.PostAsync("/admin/settings/checks", Staff.Form(token, ("Blocking", "TitleTooLong")));
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        var draft = Editor.IdFrom(await Editor.PostAsync(editor, null, "Save", Editor.Fields(new string('t', 111), "Text.", summary: GoodSummary, sectionId: await SectionAsync())));

        Assert.Equal(PublicationStatus.Draft, await _portal.WithDbAsync(db => db.Articles.Where(a => a.Id == draft).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Only_admins_open_the_check_settings_and_unknown_checks_change_nothing()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/settings/checks")).StatusCode);
        var admin = await Staff.SignedInAsync(_portal, StaffRoles.Admin);
        var token = await Staff.TokenAsync(admin, "/admin/settings/checks", "#check-settings");

        var response = await admin.PostAsync("/admin/settings/checks", Staff.Form(token, ("Blocking", "DropTables"), ("Blocking", "999")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await _portal.WithDbAsync(db => db.Set<AlmatyPortal.Web.Features.Articles.PublishCheckSetting>().AnyAsync(s => s.Blocks)));
    }
}

public sealed class PublishCheckOnPostgreSqlTests() : PublishCheckTests(PortalDatabase.PostgreSql);

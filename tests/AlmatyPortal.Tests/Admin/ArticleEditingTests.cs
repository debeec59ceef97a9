using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Articles;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Admin;

public class ArticleEditingTests : IDisposable
{
    private readonly PortalFactory _portal;

    public ArticleEditingTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected ArticleEditingTests(PortalDatabase database) => _portal = new(null, database: database);

    public void Dispose()
    {
        _portal.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<int> NewsSectionAsync() => _portal.WithDbAsync(db => db.Sections.Where(s => s.Slug == "news").Select(s => s.Id).SingleAsync());

    private Task<Article> ArticleAsync(int id) => _portal.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Tags).SingleAsync(a => a.Id == id));

    private async Task<(HttpClient Client, int Id)> DraftAsync(string title = "Draft report", string body = "First text.")
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var response = await Editor.PostAsync(editor, null, "Save", Editor.Fields(title, body, sectionId: await NewsSectionAsync(), tags: "Almaty, Asylum"));
        return (editor, Editor.IdFrom(response));
    }

    [Fact]
    public async Task The_editor_has_labelled_fields_and_the_buttons_staff_need()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        var html = await editor.GetStringAsync("/admin/articles/edit");

        foreach (var label in new[] { "Title", "Summary", "Body", "Section", "Tags", "Featured image", "Publish date", "Slug" })
        {
            Assert.Matches($"<label for=\"Input_[A-Za-z]+\">{label}</label>", html);
        }
        Assert.Contains(">Preview</button>", html, StringComparison.Ordinal);
        Assert.Contains(">Save draft</button>", html, StringComparison.Ordinal);
        Assert.Contains(">Publish</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_draft_keeps_it_off_the_site_and_makes_the_slug_from_the_title()
    {
        var (_, id) = await DraftAsync("Конференция в Алматы 2011");

        var article = await ArticleAsync(id);
        Assert.Equal(PublicationStatus.Draft, article.Status);
        Assert.Equal("konferentsiya-v-almaty-2011", article.Slug);
        Assert.Equal(["almaty", "asylum"], article.Tags.Select(t => t.Slug).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateReader().GetAsync("/news/" + article.Slug)).StatusCode);
    }

    [Fact]
    public async Task Preview_renders_the_body_through_the_public_pipeline_and_keeps_every_field()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        var response = await Editor.PostAsync(editor, null, "Preview",
            Editor.Fields("Preview me", "## Heading\n\n<script>x</script> [link](javascript:alert(1))", summary: "Kept summary", sectionId: await NewsSectionAsync(), tags: "Kept tag"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h2 id=\"heading\">Heading</h2>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Preview me\"", html, StringComparison.Ordinal);
        Assert.Contains("Kept summary</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kept tag\"", html, StringComparison.Ordinal);
        Assert.False(await _portal.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "Preview me")));
    }

    [Fact]
    public async Task Publishing_makes_the_article_public_with_todays_date()
    {
        var (editor, id) = await DraftAsync("Published from the admin");
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero));

        var response = await Editor.PostAsync(editor, id, "Publish", Editor.Fields("Published from the admin", "Now **public**.", version: 1, sectionId: await NewsSectionAsync()));

        Assert.Equal(id, Editor.IdFrom(response));
        var page = await _portal.CreateReader().GetStringAsync("/news/published-from-the-admin");
        Assert.Contains("Now <strong>public</strong>.", page, StringComparison.Ordinal);
        Assert.Contains(">28.11.2026</time>", page, StringComparison.Ordinal);
        Assert.Contains(await _portal.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "publish");
    }

    [Fact]
    public async Task Fields_the_form_does_not_offer_are_ignored()
    {
        var (editor, id) = await DraftAsync();
        var before = await ArticleAsync(id);

        await Editor.PostAsync(editor, id, "Save", [.. Editor.Fields("Draft report", "Changed.", version: 1, sectionId: await NewsSectionAsync()),
            ("Input.Status", "Published"), ("Status", "Published"), ("Input.CreatedAt", "2000-01-01"), ("CreatedAt", "2000-01-01"),
            ("Input.Author", "someone-else"), ("Input.BodyHtml", "<script>evil()</script>"), ("Input.Language", "xx")]);

        var after = await ArticleAsync(id);
        Assert.Equal(PublicationStatus.Draft, after.Status);
        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.Equal("<p>Changed.</p>", after.BodyHtml);
        Assert.Equal("en", after.Language);
        var revision = await _portal.WithDbAsync(db => db.ArticleRevisions.OrderBy(r => r.Version).LastAsync(r => r.ArticleId == id));
        Assert.StartsWith("editor-", revision.SavedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_input_shows_errors_beside_the_fields_keeps_the_input_and_saves_nothing()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        var response = await Editor.PostAsync(editor, null, "Save",
            Editor.Fields("", new string('>', 100) + " deep", slug: "Not A Slug!", summary: "Kept", sectionId: 0));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a title.", html, StringComparison.Ordinal);
        Assert.Contains("Choose a section.", html, StringComparison.Ordinal);
        Assert.Contains("Kept</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(2, await _portal.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Every_error_the_service_finds_is_shown_beside_its_field()
    {
        var (editor, _) = await DraftAsync("Taken title");

        var response = await Editor.PostAsync(editor, null, "Save",
            Editor.Fields("Another", new string('>', 100) + " deep", slug: "taken-title", sectionId: await NewsSectionAsync(), imageId: "999"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("nested too deeply", html, StringComparison.Ordinal);
        Assert.Contains("Another article already uses this slug.", html, StringComparison.Ordinal);
        Assert.Contains("Choose an image from the media library.", html, StringComparison.Ordinal);
        Assert.Equal(3, await _portal.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task A_save_from_a_stale_version_is_refused_with_both_texts_and_the_first_editors_text_survives()
    {
        var (first, id) = await DraftAsync("Shared draft", "Original text.");
        var second = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var section = await NewsSectionAsync();
        await Editor.PostAsync(first, id, "Save", Editor.Fields("Shared draft", "First editor's text.", version: 1, sectionId: section));

        var response = await Editor.PostAsync(second, id, "Save", Editor.Fields("Shared draft", "Second editor's text.", version: 1, sectionId: section));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone else saved this article while you were editing", html, StringComparison.Ordinal);
        Assert.Contains("First editor&#x27;s text.", Html.Section(html, "<pre class=\"their-body\"[^>]*>", "pre"), StringComparison.Ordinal);
        Assert.Contains("Second editor&#x27;s text.", Html.Section(html, "<pre class=\"your-body\"[^>]*>", "pre"), StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Version\" value=\"2\"", html, StringComparison.Ordinal);
        Assert.Equal("First editor's text.", (await ArticleAsync(id)).BodyMarkdown);
    }

    [Fact]
    public async Task After_seeing_the_conflict_the_editor_can_save_the_merged_text()
    {
        var (first, id) = await DraftAsync("Shared draft", "Original text.");
        var section = await NewsSectionAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await Editor.PostAsync(first, id, "Save", Editor.Fields("Shared draft", "First.", version: 1, sectionId: section))).StatusCode);
        var conflict = await Editor.PostAsync(first, id, "Save", Editor.Fields("Shared draft", "Second.", version: 1, sectionId: section));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("First.", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var merged = await Editor.PostAsync(first, id, "Save", Editor.Fields("Shared draft", "First. Second.", version: 2, sectionId: section));

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal("First. Second.", (await ArticleAsync(id)).BodyMarkdown);
    }

    /// <summary>A draft, then twenty saves of it at once, all from version 1.</summary>
    private async Task<(int Id, HttpResponseMessage[] Responses)> TwentyParallelSavesAsync(string title)
    {
        var (editor, id) = await DraftAsync(title, "Start.");
        var section = await NewsSectionAsync();
        var token = await Staff.TokenAsync(editor, $"/admin/articles/edit/{id}", "#article-editor");
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => editor.PostAsync(
            $"/admin/articles/edit/{id}?handler=Save", Staff.Form(token, Editor.Fields(title, $"Writer {i}.", version: 1, sectionId: section)))));
        return (id, responses);
    }

    [Fact]
    public async Task Twenty_parallel_saves_from_one_version_let_exactly_one_through()
    {
        var (id, responses) = await TwentyParallelSavesAsync("Race");

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var article = await ArticleAsync(id);
        Assert.Equal(2, article.Version);
        Assert.Equal(2, await _portal.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task Parallel_save_conflicts_are_logged_as_information_with_no_error_or_stack_trace()
    {
        var (_, responses) = await TwentyParallelSavesAsync("Logged race");

        var conflicts = responses.Count(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(19, conflicts);
        var logs = Path.Combine(_portal.DataPath, "logs");
        await LogFile.WaitForLineAsync(logs, "Save conflict on article");
        var lines = await LogFile.ReadAllAsync(logs);
        Assert.Equal(conflicts, lines.Count(l => l.Contains("Save conflict on article", StringComparison.Ordinal) && !l.Contains("\"@l\"", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("\"@l\":\"Error\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("SqliteException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_save_keeps_a_revision_and_a_restore_is_itself_a_new_revision()
    {
        var (editor, id) = await DraftAsync("Revised", "Version one.");
        var section = await NewsSectionAsync();
        await Editor.PostAsync(editor, id, "Save", Editor.Fields("Revised again", "Version two.", version: 1, sectionId: section));
        var token = await Staff.TokenAsync(editor, $"/admin/articles/{id}/history", "form.hidden-form");

        var response = await editor.PostAsync($"/admin/articles/{id}/history?handler=Restore", Staff.Form(token, ("version", "1"), ("currentVersion", "2")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var article = await ArticleAsync(id);
        Assert.Equal(("Revised", "Version one.", 3), (article.Title, article.BodyMarkdown, article.Version));
        var history = await editor.GetStringAsync($"/admin/articles/{id}/history");
        Assert.Contains("restored version 1", history, StringComparison.Ordinal);
        Assert.Contains("saved draft", history, StringComparison.Ordinal);
        var diff = await editor.GetStringAsync($"/admin/articles/{id}/history?from=1&to=2");
        var changes = System.Net.WebUtility.HtmlDecode(Html.Section(diff, "<pre class=\"diff\"[^>]*>", "pre"));
        Assert.Contains("<span class=\"diff-removed\">- Version one.", changes, StringComparison.Ordinal);
        Assert.Contains("<span class=\"diff-added\">+ Version two.", changes, StringComparison.Ordinal);
        Assert.Contains(await _portal.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "restore");
    }

    [Fact]
    public async Task A_restore_from_a_stale_history_page_is_refused()
    {
        var (editor, id) = await DraftAsync("Revised", "Version one.");
        var section = await NewsSectionAsync();
        await Editor.PostAsync(editor, id, "Save", Editor.Fields("Revised", "Version two.", version: 1, sectionId: section));
        var token = await Staff.TokenAsync(editor, $"/admin/articles/{id}/history", "form.hidden-form");

        var response = await editor.PostAsync($"/admin/articles/{id}/history?handler=Restore", Staff.Form(token, ("version", "1"), ("currentVersion", "1")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/articles/{id}/history", response.Headers.Location?.ToString());
        Assert.Contains("Nothing was restored: the article changed since you opened its history.",
            Html.Text(await editor.GetStringAsync($"/admin/articles/{id}/history")), StringComparison.Ordinal);
        Assert.Equal(("Version two.", 2), ((await ArticleAsync(id)).BodyMarkdown, (await ArticleAsync(id)).Version));
    }

    [Fact]
    public async Task Autosaves_keep_the_draft_but_stay_out_of_the_named_history()
    {
        var (editor, id) = await DraftAsync("Autosaved", "Typed.");
        var section = await NewsSectionAsync();

        var first = await Editor.PostAsync(editor, id, "Autosave", Editor.Fields("Autosaved", "Typed more.", version: 1, sectionId: section));
        var second = await Editor.PostAsync(editor, id, "Autosave", Editor.Fields("Autosaved", "Typed even more.", version: 2, sectionId: section));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("\"version\":3", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Typed even more.", (await ArticleAsync(id)).BodyMarkdown);
        var revisions = await _portal.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).ToListAsync());
        Assert.Single(revisions, r => r.IsAutosave);
        Assert.Single(revisions, r => !r.IsAutosave);
        Assert.DoesNotContain("autosaved", await editor.GetStringAsync($"/admin/articles/{id}/history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autosave_of_a_new_article_creates_the_draft_and_a_stale_autosave_is_a_conflict()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var section = await NewsSectionAsync();

        var created = await Editor.PostAsync(editor, null, "Autosave", Editor.Fields("Never saved by hand", "Typed.", sectionId: section));
        var json = await created.Content.ReadAsStringAsync();
        var id = await _portal.WithDbAsync(db => db.Articles.Where(a => a.Title == "Never saved by hand").Select(a => a.Id).SingleAsync());
        var stale = await Editor.PostAsync(editor, id, "Autosave", Editor.Fields("Never saved by hand", "Old tab.", version: 0, sectionId: section));

        Assert.Contains($"\"id\":{id}", json, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Typed.", (await ArticleAsync(id)).BodyMarkdown);
    }

    [Fact]
    public async Task Changing_a_published_articles_slug_makes_the_old_address_redirect_permanently()
    {
        var (editor, id) = await DraftAsync("Old name");
        var section = await NewsSectionAsync();
        await Editor.PostAsync(editor, id, "Publish", Editor.Fields("Old name", "Text.", version: 1, sectionId: section));

        await Editor.PostAsync(editor, id, "Save", Editor.Fields("New name", "Text.", version: 2, slug: "new-name", sectionId: section));

        var response = await _portal.CreateReader().GetAsync("/news/old-name");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/news/new-name", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await _portal.CreateReader().GetAsync("/news/new-name")).StatusCode);
    }

    [Fact]
    public async Task Unpublishing_takes_the_article_off_the_site()
    {
        var (editor, id) = await DraftAsync("Short lived");
        var section = await NewsSectionAsync();
        await Editor.PostAsync(editor, id, "Publish", Editor.Fields("Short lived", "Text.", version: 1, sectionId: section));

        await Editor.PostAsync(editor, id, "Unpublish", Editor.Fields("Short lived", "Text.", version: 2, sectionId: section));

        Assert.Equal(PublicationStatus.Draft, (await ArticleAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateReader().GetAsync("/news/short-lived")).StatusCode);
        Assert.Contains(await _portal.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "unpublish");
    }

    [Fact]
    public async Task A_future_publish_date_schedules_the_article_and_it_is_published_on_time()
    {
        var (editor, id) = await DraftAsync("Embargoed");
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero)); // 09:00 in Almaty

        await Editor.PostAsync(editor, id, "Publish", Editor.Fields("Embargoed", "Text.", version: 1, sectionId: await NewsSectionAsync(), publishAt: "2026-11-28T12:00"));

        Assert.Equal(PublicationStatus.Scheduled, (await ArticleAsync(id)).Status);
        Assert.Equal(0, await PublishDueAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateReader().GetAsync("/news/embargoed")).StatusCode);

        _portal.Clock.Set(new DateTimeOffset(2026, 11, 28, 7, 0, 0, TimeSpan.Zero)); // 12:00 in Almaty
        Assert.Equal(1, await PublishDueAsync());

        Assert.Equal(PublicationStatus.Published, (await ArticleAsync(id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await _portal.CreateReader().GetAsync("/news/embargoed")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_flags_an_overdue_scheduled_article()
    {
        var (editor, id) = await DraftAsync("Late");
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 28, 4, 0, 0, TimeSpan.Zero));
        await Editor.PostAsync(editor, id, "Publish", Editor.Fields("Late", "Text.", version: 1, sectionId: await NewsSectionAsync(), publishAt: "2026-11-28T10:00"));
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero));

        var html = await editor.GetStringAsync("/admin");

        Assert.Contains("Overdue scheduled articles: 1.", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"flag\">Overdue</strong>", html, StringComparison.Ordinal);
    }

    private Task<int> PublishDueAsync() => _portal.WithServicesAsync(sp => sp.GetRequiredService<ScheduledPublishing>().PublishDueAsync());
}

/// <summary>The same editing, conflicts and history, with the same assertions, on PostgreSQL.</summary>
public sealed class ArticleEditingOnPostgreSqlTests() : ArticleEditingTests(PortalDatabase.PostgreSql);

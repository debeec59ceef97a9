using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Admin;

public class TranslationTests : IDisposable
{
    private readonly PortalFactory _portal;

    public TranslationTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected TranslationTests(PortalDatabase database) => _portal = new(null, database: database);

    public void Dispose()
    {
        _portal.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<int> SectionAsync() => _portal.WithDbAsync(db => db.Sections.Where(s => s.Slug == "news").Select(s => s.Id).SingleAsync());

    private async Task<(HttpClient Editor, int Id)> PublishedEnglishAsync()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var saved = await Editor.PostAsync(editor, null, "Publish", Editor.Fields("Border monitoring report", "Monitors visited three crossings.", sectionId: await SectionAsync(), tags: "Borders"));
        return (editor, Editor.IdFrom(saved));
    }

    private static async Task<HttpResponseMessage> TranslateAsync(HttpClient editor, int id)
    {
        var token = await Staff.TokenAsync(editor, $"/admin/articles/edit/{id}", "#article-editor");
        return await editor.PostAsync($"/admin/articles/edit/{id}?handler=Translate", Staff.Form(token, ("language", "ru")));
    }

    [Fact]
    public async Task Translate_to_russian_creates_a_linked_draft_prefilled_from_the_source_and_shows_the_source_beside_it()
    {
        var (editor, id) = await PublishedEnglishAsync();
        Assert.Contains("Translate to Russian</button>", await editor.GetStringAsync($"/admin/articles/edit/{id}"), StringComparison.Ordinal);

        var response = await TranslateAsync(editor, id);
        var translationId = Editor.IdFrom(response);
        var html = await editor.GetStringAsync($"/admin/articles/edit/{translationId}");

        var (source, translation) = await _portal.WithDbAsync(async db => (await db.Articles.SingleAsync(a => a.Id == id), await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Id == translationId)));
        Assert.Equal(("ru", source.TranslationGroup, "Border monitoring report", 1), (translation.Language, translation.TranslationGroup, translation.Title, translation.TranslatedFromVersion));
        Assert.Equal(Web.Features.Publishing.PublicationStatus.Draft, translation.Status);
        Assert.Contains(translation.Tags, t => t.Slug == "borders");
        Assert.Contains("<aside class=\"translation-source\"", html, StringComparison.Ordinal);
        Assert.Contains("Monitors visited three crossings.</pre>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/articles/edit/{id}\">Edit the English version</a>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateReader().GetAsync("/ru/news/border-monitoring-report")).StatusCode);
        Assert.Equal(translationId, Editor.IdFrom(await TranslateAsync(editor, id)));
    }

    [Fact]
    public async Task A_translation_that_keeps_its_sources_slug_can_be_saved()
    {
        var (editor, id) = await PublishedEnglishAsync();
        var translationId = Editor.IdFrom(await TranslateAsync(editor, id));

        var saved = await Editor.PostAsync(editor, translationId, "Save", Editor.Fields("Доклад о мониторинге границ", "Наблюдатели посетили три пункта пропуска.",
            version: 1, slug: "border-monitoring-report", sectionId: await SectionAsync()));

        Assert.Equal(translationId, Editor.IdFrom(saved));
        Assert.Equal("Доклад о мониторинге границ", await _portal.WithDbAsync(db => db.Articles.Where(a => a.Id == translationId).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_published_translation_is_linked_from_the_source_page()
    {
        var (editor, id) = await PublishedEnglishAsync();
        var translationId = Editor.IdFrom(await TranslateAsync(editor, id));

        await Editor.PostAsync(editor, translationId, "Publish", Editor.Fields("Доклад о мониторинге границ", "Наблюдатели посетили три пункта пропуска.",
            version: 1, slug: "doklad-o-monitoringe-granits", sectionId: await SectionAsync()));

        var english = await _portal.CreateReader().GetStringAsync("/news/border-monitoring-report");
        Assert.Contains("hreflang=\"ru\" href=\"http://localhost/ru/news/doklad-o-monitoringe-granits\"", english, StringComparison.Ordinal);
        Assert.Contains("Наблюдатели", await _portal.CreateReader().GetStringAsync("/ru/news/doklad-o-monitoringe-granits"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_translation_is_flagged_out_of_date_when_the_source_changes_and_saving_it_brings_it_in_step()
    {
        var (editor, id) = await PublishedEnglishAsync();
        var translationId = Editor.IdFrom(await TranslateAsync(editor, id));
        var section = await SectionAsync();
        Assert.DoesNotContain("Translations out of date", await editor.GetStringAsync("/admin"), StringComparison.Ordinal);

        await Editor.PostAsync(editor, id, "Save", Editor.Fields("Border monitoring report", "Monitors visited four crossings.", version: 1, sectionId: section, tags: "Borders"));

        var dashboard = await editor.GetStringAsync("/admin");
        Assert.Contains("Translations out of date", dashboard, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/articles/edit/{translationId}\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("<strong>Out of date:</strong>", await editor.GetStringAsync($"/admin/articles/edit/{translationId}"), StringComparison.Ordinal);

        await Editor.PostAsync(editor, translationId, "Save", Editor.Fields("Доклад о мониторинге границ", "Наблюдатели посетили четыре пункта пропуска.", version: 1, sectionId: section));

        Assert.DoesNotContain("Translations out of date", await editor.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>Out of date:</strong>", await editor.GetStringAsync($"/admin/articles/edit/{translationId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_translations_start_in_step_and_fall_behind_when_the_english_file_changes()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        Assert.DoesNotContain("Translations out of date", await editor.GetStringAsync("/admin"), StringComparison.Ordinal);
        var id = await _portal.WithDbAsync(db => db.Articles.Where(a => a.Slug == Seed.ArticleSlug).Select(a => a.Id).SingleAsync());
        var form = await editor.GetStringAsync($"/admin/articles/edit/{id}");
        Assert.Contains("Edit the Russian version", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_written_in_russian_is_translated_to_english_and_its_translation_follows_the_russian_original()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var token = await Staff.TokenAsync(editor, "/ru/admin/articles/edit", "#article-editor");
        Assert.Contains("<option value=\"ru\" lang=\"ru\" selected=\"selected\">", await editor.GetStringAsync("/ru/admin/articles/edit"), StringComparison.Ordinal);
        var original = Editor.IdFrom(await editor.PostAsync("/ru/admin/articles/edit?handler=Publish", Staff.Form(token,
            [.. Editor.Fields("Встреча в Оше", "Партнёры встретились в Оше.", sectionId: await SectionAsync()), ("Input.Language", "ru")])));

        var html = await editor.GetStringAsync($"/admin/articles/edit/{original}");
        Assert.Contains("Translate to English</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Translate to Russian", html, StringComparison.Ordinal);

        var token2 = await Staff.TokenAsync(editor, $"/admin/articles/edit/{original}", "#article-editor");
        var english = Editor.IdFrom(await editor.PostAsync($"/admin/articles/edit/{original}?handler=Translate", Staff.Form(token2, ("language", "en"))));
        var translation = await editor.GetStringAsync($"/admin/articles/edit/{english}");
        Assert.Contains("Source (Russian, version 1)", translation, StringComparison.Ordinal);
        Assert.Contains("<div lang=\"ru\">", translation, StringComparison.Ordinal);
        Assert.Equal(("en", 1), await _portal.WithDbAsync(async db => await db.Articles.Where(a => a.Id == english).Select(a => new ValueTuple<string, int>(a.Language, a.TranslatedFromVersion!.Value)).SingleAsync()));

        await Editor.PostAsync(editor, original, "Publish", Editor.Fields("Встреча в Оше", "Партнёры снова встретились в Оше.", version: 1, sectionId: await SectionAsync()));
        Assert.Contains($"href=\"/admin/articles/edit/{english}\" lang=\"en\">Встреча в Оше</a>", await editor.GetStringAsync("/admin"), StringComparison.Ordinal);
    }
}

public class ConferenceTranslationTests : IDisposable
{
    private readonly PortalFactory _portal;

    public ConferenceTranslationTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected ConferenceTranslationTests(PortalDatabase database) => _portal = new(null, database: database);

    public void Dispose()
    {
        _portal.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_conference_record_can_be_translated_and_its_translation_falls_out_of_date_when_the_source_changes()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        // A record with no translation yet.
        var source = await _portal.WithDbAsync(async db =>
        {
            var seed = await db.Conferences.Include(c => c.Organisations).SingleAsync(c => c.Language == "en");
            var record = new Web.Features.Conferences.Conference { Slug = "bishkek-2012", Title = "Bishkek roundtable", City = "Bishkek", StartDate = new DateOnly(2012, 6, 4), EndDate = new DateOnly(2012, 6, 4), Status = Web.Features.Publishing.PublicationStatus.Published, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            record.Organisations.Add(new Web.Features.Conferences.ConferenceOrganisation { OrganisationId = seed.Organisations[0].OrganisationId, Role = Web.Features.Conferences.OrganisationRole.Organiser });
            db.Conferences.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        var token = await Staff.TokenAsync(editor, $"/admin/conferences/edit/{source}", "form.editor");

        var created = await editor.PostAsync($"/admin/conferences/edit/{source}?handler=Translate", Staff.Form(token, ("language", "ru")));

        var location = created.Headers.Location!.OriginalString;
        var translationId = int.Parse(location[(location.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var translation = await _portal.WithDbAsync(db => db.Conferences.Include(c => c.Organisations).SingleAsync(c => c.Id == translationId));
        Assert.Equal(("ru", "bishkek-2012", 1), (translation.Language, translation.Slug, translation.Organisations.Count));

        await _portal.WithDbAsync(async db =>
        {
            var record = await db.Conferences.SingleAsync(c => c.Id == source);
            record.Title = "Bishkek roundtable on statelessness";
            record.Version++;
            await db.SaveChangesAsync();
        });

        Assert.Contains("Bishkek roundtable</a> (Russian, Conference record)", await editor.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.Contains("<strong>Out of date:</strong>", await editor.GetStringAsync($"/admin/conferences/edit/{translationId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conference_records_draft_translation_is_not_linked_from_the_published_record()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var source = await _portal.WithDbAsync(async db =>
        {
            var record = new Web.Features.Conferences.Conference { Slug = "dushanbe-2014", Title = "Dushanbe workshop", City = "Dushanbe", StartDate = new DateOnly(2014, 9, 8), EndDate = new DateOnly(2014, 9, 8), Status = Web.Features.Publishing.PublicationStatus.Published, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Conferences.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        var token = await Staff.TokenAsync(editor, $"/admin/conferences/edit/{source}", "form.editor");
        var created = await editor.PostAsync($"/admin/conferences/edit/{source}?handler=Translate", Staff.Form(token, ("language", "ru")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.Conferences.CountAsync(c => c.Language == "ru" && c.Slug == "dushanbe-2014" && c.Status == Web.Features.Publishing.PublicationStatus.Draft)));

        var html = await _portal.CreateReader().GetStringAsync("/conferences/dushanbe-2014");

        Assert.Contains("Dushanbe workshop", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/ru/conferences/dushanbe-2014", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_written_in_russian_is_translated_to_english_with_the_russian_source_beside_it()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var source = await _portal.WithDbAsync(async db =>
        {
            var record = new Web.Features.Conferences.Conference { Language = "ru", Slug = "kruglyi-stol-osh-2013", Title = "Круглый стол в Оше", City = "Ош", StartDate = new DateOnly(2013, 4, 2), EndDate = new DateOnly(2013, 4, 2), Status = Web.Features.Publishing.PublicationStatus.Published, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Conferences.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        var page = await editor.GetStringAsync($"/admin/conferences/edit/{source}");
        Assert.Contains("Translate to English</button>", page, StringComparison.Ordinal);
        var token = await Staff.TokenAsync(editor, $"/admin/conferences/edit/{source}", "form.editor");

        var created = await editor.PostAsync($"/admin/conferences/edit/{source}?handler=Translate", Staff.Form(token, ("language", "en")));

        var location = created.Headers.Location!.OriginalString;
        var translationId = int.Parse(location[(location.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("en", await _portal.WithDbAsync(db => db.Conferences.Where(c => c.Id == translationId).Select(c => c.Language).SingleAsync()));
        var translation = await editor.GetStringAsync($"/admin/conferences/edit/{translationId}");
        Assert.Contains("Source (Russian, version 0)", translation, StringComparison.Ordinal);
        Assert.Contains("<div lang=\"ru\">", translation, StringComparison.Ordinal);
        Assert.DoesNotContain("Translate to", translation, StringComparison.Ordinal);
    }
}

/// <summary>The same article translations on PostgreSQL.</summary>
public sealed class TranslationOnPostgreSqlTests() : TranslationTests(PortalDatabase.PostgreSql);

/// <summary>The same conference translations on PostgreSQL.</summary>
public sealed class ConferenceTranslationOnPostgreSqlTests() : ConferenceTranslationTests(PortalDatabase.PostgreSql);

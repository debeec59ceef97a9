using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Content;
using AlmatyPortal.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Integration;

public class ImportExportTests : IDisposable
{
    private readonly ContentFolder _content = new();
    private readonly PortalFactory _portal;

    public ImportExportTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected ImportExportTests(PortalDatabase database)
    {
        _portal = new PortalFactory(_content.Path, database: database);
        // Start now, so the start-up import has read the folder before a test edits it.
        _ = _portal.Services;
    }

    public void Dispose()
    {
        _portal.Dispose();
        _content.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<ImportReport> ImportAsync(string path) =>
        _portal.WithServicesAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(path));

    private Task<int> ExportAsync(string path) =>
        _portal.WithServicesAsync(sp => sp.GetRequiredService<ContentExporter>().ExportAsync(path));

    private Task<string> SnapshotAsync() => _portal.WithDbAsync(DatabaseSnapshot.TakeAsync);

    [Fact]
    public async Task Start_up_imports_the_seed_into_the_empty_database()
    {
        var (articles, conferences, sections) = await _portal.WithDbAsync(async db =>
            (await db.Articles.CountAsync(), await db.Conferences.CountAsync(), await db.Sections.CountAsync()));

        Assert.Equal((2, 2, 2), (articles, conferences, sections));
    }

    [Fact]
    public async Task A_second_import_of_the_same_files_changes_nothing()
    {
        var before = await SnapshotAsync();

        var report = await ImportAsync(_content.Path);

        Assert.Equal((0, 0), (report.Created, report.Updated));
        Assert.Empty(report.Problems);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Export_writes_the_seed_back_byte_for_byte_and_importing_the_export_changes_nothing()
    {
        using var export = new ContentFolder(copySeed: false);
        var before = await SnapshotAsync();

        await ExportAsync(export.Path);
        var report = await ImportAsync(export.Path);

        Assert.Empty(report.Problems);
        Assert.Equal(before, await SnapshotAsync());
        foreach (var file in Directory.EnumerateFiles(PortalFactory.RepositoryContent, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(PortalFactory.RepositoryContent, file);
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(export.Path, relative))), $"{relative} differs after export");
        }
    }

    [Fact]
    public async Task A_russian_original_and_its_english_translation_import_linked_and_export_back_unchanged()
    {
        _content.WriteArticle("2012-05-02-vstrecha-v-oshe.ru.md", "title: Встреча в Оше\nlanguage: ru\nsection: news\nstatus: published\npublish_date: 2012-05-02T09:00:00+06:00", "Партнёры встретились в Оше.");
        _content.WriteArticle("2012-05-02-meeting-in-osh.md", "title: Meeting in Osh\nsection: news\nstatus: published\npublish_date: 2012-05-02T09:00:00+06:00\ntranslation_of: vstrecha-v-oshe\ntranslation_from: ru", "Partners met in Osh.");

        var report = await ImportAsync(_content.Path);

        Assert.Empty(report.Problems);
        var english = await _portal.CreateReader().GetStringAsync("/news/meeting-in-osh");
        Assert.Contains("hreflang=\"ru\" href=\"http://localhost/ru/news/vstrecha-v-oshe\"", english, StringComparison.Ordinal);
        var (russian, englishFollows) = await _portal.WithDbAsync(async db => (
            await db.Articles.Where(a => a.Slug == "vstrecha-v-oshe").Select(a => new { a.TranslatedFromVersion, a.Version }).SingleAsync(),
            await db.Articles.Where(a => a.Slug == "meeting-in-osh").Select(a => a.TranslatedFromVersion).SingleAsync()));
        Assert.Equal(((int?)null, (int?)russian.Version), (russian.TranslatedFromVersion, englishFollows));

        using var export = new ContentFolder(copySeed: false);
        var before = await SnapshotAsync();
        await ExportAsync(export.Path);
        Assert.Contains("translation_of: vstrecha-v-oshe\ntranslation_from: ru\n", export.Read("news/2012-05-02-meeting-in-osh.md"), StringComparison.Ordinal);
        Assert.DoesNotContain("translation_", export.Read("news/2012-05-02-vstrecha-v-oshe.ru.md"), StringComparison.Ordinal);
        Assert.Empty((await ImportAsync(export.Path)).Problems);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("translation_of: vstrecha-v-oshe\ntranslation_from: en", "another supported language")]
    [InlineData("translation_from: ru", "translation_from goes with translation_of")]
    [InlineData("translation_of: vstrecha-v-oshe\ntranslation_from: de", "another supported language")]
    public async Task A_wrong_translation_source_is_reported_and_the_file_is_skipped(string frontMatter, string problem)
    {
        _content.WriteArticle("2012-05-02-vstrecha-v-oshe.ru.md", "title: Встреча в Оше\nlanguage: ru\nsection: news", "Текст.");
        _content.WriteArticle("2012-05-03-broken.md", "title: Broken\nsection: news\n" + frontMatter);

        var report = await ImportAsync(_content.Path);

        Assert.Contains(report.Problems, p => p.File.Contains("broken", StringComparison.Ordinal) && p.Message.Contains(problem, StringComparison.Ordinal));
        Assert.False(await _portal.WithDbAsync(db => db.Articles.AnyAsync(a => a.Slug == "broken")));
    }

    [Fact]
    public async Task An_edited_file_updates_its_article_and_bumps_its_version()
    {
        var file = Directory.EnumerateFiles(Path.Combine(_content.Path, "news")).Single(f => !f.EndsWith(".ru.md", StringComparison.Ordinal));
        File.WriteAllText(file, File.ReadAllText(file).Replace("- Migration\n", "- Migration\n- Asylum\n", StringComparison.Ordinal)
            .Replace("Almaty hosted a conference", "Almaty hosted a two-day conference", StringComparison.Ordinal));

        var versionBefore = await _portal.WithDbAsync(db => db.Articles.Where(a => a.Language == "en").Select(a => a.Version).SingleAsync());
        var report = await ImportAsync(_content.Path);

        Assert.Empty(report.Problems);
        Assert.Equal(0, versionBefore);
        var article = await _portal.WithDbAsync(db => db.Articles.Include(a => a.Tags).SingleAsync(a => a.Language == "en"));
        Assert.Equal(1, article.Version);
        Assert.Contains("two-day conference", article.BodyHtml, StringComparison.Ordinal);
        Assert.Contains(article.Tags, t => t.Slug == "asylum");
        Assert.True(article.UpdatedAt > article.CreatedAt);
    }

    [Fact]
    public async Task An_edited_conference_replaces_its_topics_countries_and_roles()
    {
        var file = Path.Combine(_content.Path, "conferences", Seed.ConferenceSlug + ".md");
        File.WriteAllText(file, File.ReadAllText(file)
            .Replace("- Developing legal migration opportunities\n", "", StringComparison.Ordinal)
            .Replace("- CN\n", "", StringComparison.Ordinal)
            .Replace("  - iom\n", "", StringComparison.Ordinal)
            .Replace("  - osce\n", "  - osce\n  - iom\n", StringComparison.Ordinal));

        var report = await ImportAsync(_content.Path);

        Assert.Empty(report.Problems);
        var text = Html.Text(await _portal.CreateReader().GetStringAsync(Seed.ConferenceUrl));
        Assert.DoesNotContain("Developing legal migration opportunities", text, StringComparison.Ordinal);
        Assert.Contains("from 9 countries", text, StringComparison.Ordinal);
        Assert.Contains("Supported by Organization for Security and Cooperation in Europe (OSCE) International Organization for Migration (IOM)", text, StringComparison.Ordinal);
        Assert.Equal(0, (await ImportAsync(_content.Path)).Updated);
    }

    [Theory]
    [InlineData("process-unknown.md", "name: Unknown meeting\nfounding_conference: no-such-conference", "unknown conference 'no-such-conference'")]
    [InlineData("process-twice.md", "name: Twice\nfounding_conference: " + Seed.ConferenceSlug + "\nfollow_up_conferences:\n- " + Seed.ConferenceSlug, "is listed twice")]
    [InlineData("process-translation.ru.md", "name: Перевод\nlanguage: ru\ntranslation_of: almaty-process\nfounding_conference: " + Seed.ConferenceSlug, "list them in the original's file")]
    public async Task A_process_file_with_a_wrong_meeting_is_reported_and_skipped(string file, string frontMatter, string problem)
    {
        File.WriteAllText(Path.Combine(_content.Path, "processes", file), $"---\n{frontMatter}\n---\n\nText.\n");

        var report = await ImportAsync(_content.Path);

        Assert.Contains(report.Problems, p => p.File == "processes/" + file && p.Message.Contains(problem, StringComparison.Ordinal));
        Assert.Equal(2, await _portal.WithDbAsync(db => db.Processes.CountAsync()));
    }

    [Fact]
    public async Task An_edited_process_file_adds_a_follow_up_meeting_shown_in_its_own_language_where_untranslated_and_a_reimport_changes_nothing()
    {
        var folder = Path.Combine(_content.Path, "conferences");
        File.WriteAllText(Path.Combine(folder, "follow-up-2012.md"),
            "---\ntitle: Almaty Process follow-up meeting\nslug: follow-up-2012\nstatus: published\ncity: Bishkek\nstart_date: 2012-05-10\n---\n\nText.\n");
        var file = Path.Combine(_content.Path, "processes", "almaty-process.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("founding_conference: " + Seed.ConferenceSlug + "\n",
            "founding_conference: " + Seed.ConferenceSlug + "\nfollow_up_conferences:\n- follow-up-2012\n", StringComparison.Ordinal));

        var report = await ImportAsync(_content.Path);

        Assert.Empty(report.Problems);
        var html = await _portal.CreateReader().GetStringAsync("/processes/almaty-process");
        Assert.Contains("href=\"/conferences/follow-up-2012\"", html, StringComparison.Ordinal);
        // The meeting has no Russian record yet: the Russian timeline lists the English one, marked as English.
        var russian = await _portal.CreateReader().GetStringAsync("/ru/processes/almatinskiy-protsess");
        Assert.Contains("lang=\"en\"", russian, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/conferences/follow-up-2012\" hreflang=\"en\" lang=\"en\">Almaty Process follow-up meeting</a>", russian, StringComparison.Ordinal);
        Assert.Contains($"href=\"/ru/conferences/{Seed.RussianConferenceSlug}\"", russian, StringComparison.Ordinal);
        Assert.Equal(1, await _portal.WithDbAsync(db => db.Processes.Where(p => p.Slug == "almaty-process").Select(p => p.Version).SingleAsync()));
        var again = await ImportAsync(_content.Path);
        Assert.Equal((0, 0), (again.Created, again.Updated));
    }

    [Fact]
    public async Task A_future_publish_date_imports_as_scheduled_and_stays_off_the_public_site()
    {
        _content.WriteArticle("2099-01-01-future.md", """
            title: From the future
            section: news
            status: published
            publish_date: 2099-01-01T09:00:00+06:00
            """);

        await ImportAsync(_content.Path);

        var article = await _portal.WithDbAsync(db => db.Articles.SingleAsync(a => a.Slug == "from-the-future"));
        Assert.Equal(PublicationStatus.Scheduled, article.Status);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await _portal.CreateReader().GetAsync("/news/from-the-future")).StatusCode);
    }

    [Fact]
    public async Task A_draft_is_imported_but_not_public()
    {
        _content.WriteArticle("draft.md", "title: Work in progress\nsection: news\nstatus: draft");

        var report = await ImportAsync(_content.Path);

        Assert.Empty(report.Problems);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await _portal.CreateReader().GetAsync("/news/work-in-progress")).StatusCode);
        Assert.DoesNotContain("Work in progress", await _portal.CreateReader().GetStringAsync("/news"), StringComparison.Ordinal);
    }
}

/// <summary>The same import and export on PostgreSQL.</summary>
public sealed class ImportExportOnPostgreSqlTests() : ImportExportTests(PortalDatabase.PostgreSql);

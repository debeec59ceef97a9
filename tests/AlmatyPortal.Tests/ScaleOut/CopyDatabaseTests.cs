using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.ScaleOut;

/// <summary>An office moving from SQLite to PostgreSQL with `copy-database --to`, through the real entry point.</summary>
public sealed class CopyDatabaseTests
{
    private static readonly string[] Pages =
    [
        "/", "/news", "/news/copied-across", Seed.ArticleUrl, Seed.ConferenceUrl, "/conferences", "/tags/moving-house",
        "/ru/", "/ru/news", "/ru/news/" + Seed.RussianArticleSlug, "/news/archive", "/sitemap.xml", "/feeds/news.rss",
    ];

    private static Task<int> RunAsync(params string[] args)
    {
        var entry = typeof(Program).Assembly.EntryPoint!;
        return Task.Run(() => (int)entry.Invoke(null, [args])!);
    }

    private static async Task<Dictionary<string, string>> ReadAsync(PortalFactory portal)
    {
        var pages = new Dictionary<string, string>();
        foreach (var page in Pages)
        {
            var response = await portal.CreateReader().GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
            pages[page] = await response.Content.ReadAsStringAsync();
        }
        return pages;
    }

    private static Task<int[]> CountsAsync(PortalFactory portal) => portal.WithDbAsync(async db => new[]
    {
        await db.Articles.CountAsync(), await db.ArticleRevisions.CountAsync(), await db.AuditEntries.CountAsync(),
        await db.Users.CountAsync(), await db.UserRoles.CountAsync(), await db.DonationClicks.SumAsync(c => c.Count),
        await db.Conferences.CountAsync(), await db.Media.CountAsync(), await db.Tags.CountAsync(), await db.SearchDocuments.CountAsync(),
        await db.NameTranslations.CountAsync(), await db.Sections.CountAsync(), await db.SlugRedirects.CountAsync(),
    });

    [Fact]
    public async Task A_sqlite_portal_filled_through_the_admin_is_copied_to_postgresql_and_serves_the_same_pages_and_staff()
    {
        using var sqlite = new PortalFactory(null);
        var email = await Staff.CreateAsync(sqlite, StaffRoles.Editor);
        var editor = Staff.Client(sqlite);
        await Staff.SignInAsync(editor, email, Staff.Password);
        var section = await Seed.SectionIdAsync(sqlite);
        var id = Editor.IdFrom(await Editor.PostAsync(editor, null, "Publish", Editor.Fields("Copied across", "First words.", section, slug: "copied-across", tags: "Moving house")));
        await Editor.PostAsync(editor, id, "Save", Editor.Fields("Copied across", "Second words.", section, version: 1, slug: "copied-across", tags: "Moving house"));
        await sqlite.CreateReader().GetAsync("/donate?from=/news");
        var pagesBefore = await ReadAsync(sqlite);
        var countsBefore = await CountsAsync(sqlite);
        var connection = PostgreSqlServer.CreateDatabase();
        try
        {
            // Copied while the SQLite portal is running, as an office would.
            var exit = await RunAsync("copy-database", "--to", connection, $"--Portal:DataPath={sqlite.DataPath}");
            Assert.Equal(0, exit);

            using var postgres = new PortalFactory(null, new Dictionary<string, string?>
            {
                ["Portal:Database"] = "PostgreSQL",
                ["ConnectionStrings:Portal"] = connection,
            });
            var pagesAfter = await ReadAsync(postgres);
            var countsAfter = await CountsAsync(postgres);
            var signIn = await Staff.SignInAsync(Staff.Client(postgres), email, Staff.Password);
            var onPostgres = Staff.Client(postgres);
            await Staff.SignInAsync(onPostgres, email, Staff.Password);
            var added = await Editor.PostAsync(onPostgres, null, "Save", Editor.Fields("Written after the move", "Text.", section));

            Assert.All(Pages, page => Assert.Equal(pagesBefore[page], pagesAfter[page]));
            Assert.Equal(countsBefore, countsAfter);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.True(Editor.IdFrom(added) > id, "new rows continue after the copied ids");
            Assert.Equal(["First words.", "Second words."], await postgres.WithDbAsync(db =>
                db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Version).Select(r => r.BodyMarkdown).ToListAsync()));
        }
        finally
        {
            PostgreSqlServer.DropDatabase(connection);
        }
    }

    [Fact]
    public async Task Copying_into_a_database_that_is_not_empty_is_refused_and_changes_nothing_there()
    {
        using var sqlite = new PortalFactory(null);
        _ = sqlite.Services;
        using var existing = new PortalFactory(null, database: PortalDatabase.PostgreSql);
        _ = existing.Services;
        var before = await existing.WithDbAsync(db => db.Articles.CountAsync());

        var exit = await RunAsync("copy-database", "--to", existing.PostgreSqlConnection!, $"--Portal:DataPath={sqlite.DataPath}");

        Assert.Equal(1, exit);
        Assert.Equal(before, await existing.WithDbAsync(db => db.Articles.CountAsync()));
    }
}

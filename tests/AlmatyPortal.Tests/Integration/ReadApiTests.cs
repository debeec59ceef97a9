using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Integration;

/// <summary>
/// The read API as a partner's client reads it: plain HTTP and its own records for the JSON, over the seed plus
/// 24 more published articles and a draft article, conference and process that must never show.
/// </summary>
public class ReadApiTests : IDisposable
{
    private readonly ContentFolder _content = new();
    private readonly PortalFactory _portal;
    private readonly HttpClient _client;

    public ReadApiTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected ReadApiTests(PortalDatabase database)
    {
        for (var day = 1; day <= 24; day++)
        {
            _content.WriteArticle($"2012-01-{day:00}-bulletin-{day}.md",
                $"title: Bulletin {day}\nslug: bulletin-{day}\nsection: news\nstatus: published\npublish_date: 2012-01-{day:00}T09:00:00+06:00\nsummary: Bulletin number {day}.");
        }
        _content.WriteArticle("2012-02-01-secret-draft.md", "title: Secret draft\nslug: secret-draft\nsection: news\nstatus: draft\nsummary: Not yet.");
        _content.Write("conferences/unannounced-meeting.md", "---\ntitle: Unannounced meeting\nslug: unannounced-meeting\nstatus: draft\ncity: Dushanbe\nstart_date: 2013-04-01\n---\n\nText.\n");
        _content.Write("processes/unannounced-process.md", "---\nname: Unannounced process\nslug: unannounced-process\nstatus: draft\n---\n\nText.\n");
        _portal = new PortalFactory(_content.Path, database: database);
        _client = _portal.CreateReader();
    }

    public void Dispose()
    {
        _portal.Dispose();
        _content.Dispose();
        GC.SuppressFinalize(this);
    }

    // The client's own view of the JSON: what a partner would write from the OpenAPI document.
    private sealed record ListPage<T>(string Language, int Page, int PageSize, int Total, List<T> Items, string? Next, string? Previous);

    private sealed record ArticleLine(string Slug, string Title, string Summary, DateTime? PublishedAt, string Url, Section Section);

    private sealed record Section(string Slug, string Name, string Url);

    private sealed record Link(string Slug, string Title, string Url);

    private sealed record FullArticle(string Slug, string Language, string Title, string BodyHtml, string Url, List<Link> Conferences, List<Link> Processes, Dictionary<string, string> Translations);

    private sealed record Conference(string Slug, string Title, DateOnly StartDate, DateOnly EndDate, string City, string? Country, string Url);

    private sealed record Process(string Slug, string Name, string Url);

    private sealed record TimelineEntry(string Kind, DateOnly Date, string Title, string? Url);

    private sealed record FullProcess(string Slug, string Name, List<TimelineEntry> Timeline);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<T> GetAsync<T>(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    [Fact]
    public async Task The_article_list_pages_through_the_published_articles_of_a_language_newest_first()
    {
        var first = await GetAsync<ListPage<ArticleLine>>("/api/v1/articles?pageSize=10");
        var third = await GetAsync<ListPage<ArticleLine>>(first.Next!.Replace("http://localhost", "", StringComparison.Ordinal).Replace("page=2", "page=3", StringComparison.Ordinal));

        Assert.Equal((25, 10), (first.Total, first.Items.Count));
        Assert.Equal("bulletin-24", first.Items[0].Slug);
        Assert.Equal("http://localhost/api/v1/articles?language=en&page=2&pageSize=10", first.Next);
        Assert.Null(first.Previous);
        Assert.Equal(["bulletin-4", "bulletin-3", "bulletin-2", "bulletin-1", Seed.ArticleSlug], third.Items.Select(a => a.Slug).TakeLast(5));
        Assert.Null(third.Next);
        Assert.Equal("http://localhost" + Seed.ArticleUrl, third.Items[^1].Url);
        Assert.Equal(new Section("news", "News", "http://localhost/sections/news"), third.Items[^1].Section);
    }

    [Fact]
    public async Task An_article_reads_with_its_body_conference_process_and_translation_in_its_language()
    {
        var english = await GetAsync<FullArticle>("/api/v1/articles/" + Seed.ArticleSlug);
        var russian = await GetAsync<FullArticle>($"/api/v1/articles/{Seed.RussianArticleSlug}?language=ru");

        Assert.Contains("<p>Almaty hosted a conference", english.BodyHtml, StringComparison.Ordinal);
        Assert.Equal([new Link(Seed.ConferenceSlug, "Regional Conference on Refugee Protection and International Migration in Central Asia", "http://localhost" + Seed.ConferenceUrl)], english.Conferences);
        Assert.Equal([new Link("almaty-process", "Almaty Process", "http://localhost/processes/almaty-process")], english.Processes);
        Assert.Equal("http://localhost/ru/news/" + Seed.RussianArticleSlug, english.Translations["ru"]);
        Assert.Equal("ru", russian.Language);
        Assert.Equal("http://localhost/ru/processes/almatinskiy-protsess", Assert.Single(russian.Processes).Url);
    }

    [Fact]
    public async Task Conferences_and_processes_list_what_is_published_and_a_process_reads_with_its_timeline()
    {
        var conferences = await GetAsync<ListPage<Conference>>("/api/v1/conferences");
        var processes = await GetAsync<ListPage<Process>>("/api/v1/processes?language=ru");
        var process = await GetAsync<FullProcess>("/api/v1/processes/almaty-process");

        var conference = Assert.Single(conferences.Items);
        Assert.Equal((new DateOnly(2011, 3, 15), new DateOnly(2011, 3, 16), "Almaty", "Kazakhstan"), (conference.StartDate, conference.EndDate, conference.City, conference.Country));
        Assert.Equal(new Process("almatinskiy-protsess", "Алматинский процесс", "http://localhost/ru/processes/almatinskiy-protsess"), Assert.Single(processes.Items));
        Assert.Equal(["founding-conference", "document", "news"], process.Timeline.Select(e => e.Kind));
        Assert.Equal("http://localhost" + Seed.ConferenceUrl, process.Timeline[0].Url);
    }

    [Fact]
    public async Task Drafts_and_staff_only_fields_never_appear()
    {
        var bodies = new List<string>();
        foreach (var url in new[]
        {
            "/api/v1/articles?pageSize=100", "/api/v1/articles?language=ru", "/api/v1/conferences", "/api/v1/conferences?language=ru",
            "/api/v1/processes", "/api/v1/processes?language=ru", "/api/v1/articles/" + Seed.ArticleSlug, "/api/v1/processes/almaty-process",
        })
        {
            bodies.Add(await _client.GetStringAsync(url));
        }
        var all = string.Join("\n", bodies);

        foreach (var draft in new[] { "secret-draft", "Secret draft", "unannounced-meeting", "Unannounced", "unannounced-process" })
        {
            Assert.DoesNotContain(draft, all, StringComparison.Ordinal);
        }
        foreach (var field in new[] { "\"id\"", "\"status\"", "\"version\"", "\"bodyMarkdown\"", "\"translationGroup\"", "\"translatedFromVersion\"", "\"createdAt\"", "\"savedBy\"", "\"sectionId\"" })
        {
            Assert.DoesNotContain(field, all, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/articles/secret-draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/processes/unannounced-process")).StatusCode);
    }

    [Fact]
    public async Task A_client_with_the_current_etag_gets_304_and_a_new_one_after_an_article_is_published()
    {
        var first = await _client.GetAsync("/api/v1/articles");
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/articles");
        again.Headers.IfNoneMatch.Add(etag);

        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);

        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        await Editor.PostAsync(editor, null, "Publish", Editor.Fields("Fresh bulletin", "Text.", sectionId: await Seed.SectionIdAsync(_portal), summary: "Fresh."));
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, "/api/v1/articles");
        afterChange.Headers.IfNoneMatch.Add(etag);
        var changed = await _client.SendAsync(afterChange);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Equal("fresh-bulletin", (await changed.Content.ReadFromJsonAsync<ListPage<ArticleLine>>(Json))!.Items[0].Slug);
    }

    [Fact]
    public async Task Editing_an_images_alt_text_shows_in_the_article_list_at_once()
    {
        Assert.Contains("conference platform in Almaty", await _client.GetStringAsync("/api/v1/articles?page=3&pageSize=10"), StringComparison.Ordinal);
        await _portal.WithDbAsync(async db =>
        {
            var image = await db.Media.SingleAsync(m => m.Name == "almaty-conference-2011");
            image.AltText = "Delegates' chairs in front of a blue banner";
            await db.SaveChangesAsync();
            return true;
        });

        Assert.Contains("Delegates' chairs in front of a blue banner", await _client.GetStringAsync("/api/v1/articles?page=3&pageSize=10"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/articles?language=de", "language")]
    [InlineData("/api/v1/articles?page=0", "page")]
    [InlineData("/api/v1/articles?page=abc", "page")]
    [InlineData("/api/v1/conferences?pageSize=101", "pageSize")]
    [InlineData("/api/v1/processes/almaty-process?language=%3Cscript%3E", "language")]
    public async Task A_bad_query_gets_400_naming_the_parameter(string url, string parameter)
    {
        var response = await _client.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_routes_and_no_other()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/api/openapi/v1.json");

        Assert.Equal(
            ["/api/v1/articles", "/api/v1/articles/{slug}", "/api/v1/conferences", "/api/v1/processes", "/api/v1/processes/{slug}"],
            document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(document.GetProperty("paths").GetProperty("/api/v1/articles").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToHashSet().IsSupersetOf(["language", "page", "pageSize"]));
    }
}

public sealed class ReadApiOnPostgreSqlTests() : ReadApiTests(PortalDatabase.PostgreSql);

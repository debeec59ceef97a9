using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Integration;

/// <summary>Each broken file is reported by name with its problem; the good files import and the site starts.</summary>
public sealed class BrokenContentTests : IDisposable
{
    private readonly ContentFolder _content = new();

    public void Dispose() => _content.Dispose();

    private async Task<(ImportReport Report, PortalFactory Portal)> StartWithAsync(Action<ContentFolder> breakIt, bool seedSurvives = true)
    {
        _content.WriteArticle("2012-05-01-good.md", "title: A good article\nsection: news\nstatus: published\npublish_date: 2012-05-01T09:00:00+06:00");
        breakIt(_content);
        var portal = new PortalFactory(_content.Path);
        // The site starts on the broken folder: start-up import skipped the broken file.
        var home = await portal.CreateReader().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var report = await portal.WithServicesAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(_content.Path));
        Assert.True(await portal.WithDbAsync(db => db.Articles.AnyAsync(a => a.Slug == "a-good-article")));
        Assert.Equal(seedSurvives, await portal.WithDbAsync(db => db.Articles.AnyAsync(a => a.Slug == Seed.ArticleSlug)));
        return (report, portal);
    }

    [Theory]
    [InlineData("bad-yaml.md", "---\ntitle: [unclosed\nsection: news\n---\nBody", "bad YAML at line")]
    [InlineData("no-title.md", "---\nsection: news\n---\nBody", "the article has no title")]
    [InlineData("unknown-section.md", "---\ntitle: Lost\nsection: sports\n---\nBody", "unknown section 'sports'")]
    [InlineData("no-front-matter.md", "Just text", "does not start with a '---' line")]
    [InlineData("unclosed.md", "---\ntitle: Open\nsection: news\nBody", "no closing '---' line")]
    [InlineData("misspelt.md", "---\ntitel: Typo\nsection: news\n---\nBody", "bad YAML at line 2")]
    [InlineData("bad-date.md", "---\ntitle: When\nsection: news\nstatus: published\npublish_date: 17.03.2011\n---\nBody", "publish_date '17.03.2011' must look like")]
    [InlineData("no-date.md", "---\ntitle: When\nsection: news\nstatus: published\n---\nBody", "needs a publish_date")]
    [InlineData("bad-status.md", "---\ntitle: Status\nsection: news\nstatus: live\n---\nBody", "status 'live' must be draft, scheduled or published")]
    [InlineData("unknown-conference.md", "---\ntitle: Conf\nsection: news\nconferences: [nowhere]\n---\nBody", "unknown conference 'nowhere'")]
    [InlineData("unknown-image.md", "---\ntitle: Pic\nsection: news\nimage: missing.png\n---\nBody", "unknown image 'missing.png'")]
    [InlineData("deep.md", "---\ntitle: Deep\nsection: news\n---\n" + ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> deep", "nested too deeply")]
    public async Task A_broken_article_is_reported_by_file_and_problem(string file, string text, string problem)
    {
        var (report, portal) = await StartWithAsync(c => c.Write("news/" + file, text));
        using (portal)
        {
            var reported = Assert.Single(report.Problems);
            Assert.Equal("news/" + file, reported.File);
            Assert.Contains(problem, reported.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_duplicate_slug_names_the_file_that_already_holds_it()
    {
        var (report, portal) = await StartWithAsync(c => c.WriteArticle("zz-copy.md", $"title: Copy\nslug: {Seed.ArticleSlug}\nsection: news"));
        using (portal)
        {
            var reported = Assert.Single(report.Problems);
            Assert.Equal("news/zz-copy.md", reported.File);
            Assert.Contains($"slug '{Seed.ArticleSlug}' is already used by news/2011-03-17-", reported.Message, StringComparison.Ordinal);
            var title = await portal.WithDbAsync(db => db.Articles.Where(a => a.Slug == Seed.ArticleSlug).Select(a => a.Title).SingleAsync());
            Assert.StartsWith("UNHCR convenes", title, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_broken_list_file_is_reported_and_the_rest_still_imports()
    {
        // Without people.yml the conference's speaker is unknown, so the conference and the report that links it wait;
        // the good article still imports, and each problem names its file.
        var (report, portal) = await StartWithAsync(c => c.Write("people.yml", "- slug: [broken\n"), seedSurvives: false);
        using (portal)
        {
            Assert.Contains(report.Problems, p => p.File == "people.yml" && p.Message.Contains("bad YAML", StringComparison.Ordinal));
            Assert.Contains(report.Problems, p => p.File == $"conferences/{Seed.ConferenceSlug}.md" && p.Message.Contains("unknown person 'erika-feller'", StringComparison.Ordinal));
            Assert.Contains(report.Problems, p => p.File.StartsWith("news/2011-03-17-", StringComparison.Ordinal) && p.Message.Contains("unknown conference", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_broken_image_is_refused_by_its_content_not_its_name()
    {
        var (report, portal) = await StartWithAsync(c =>
        {
            c.Write("media/fake.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
            c.Write("media/media.yml", c.Read("media/media.yml") + "- file: fake.png\n  alt: Fake\n  credit: © Nobody\n");
        });
        using (portal)
        {
            var reported = Assert.Single(report.Problems);
            Assert.Equal("media/media.yml", reported.File);
            Assert.Contains("'fake.png' is not a JPEG, PNG or WebP image", reported.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_content_folder_is_reported_and_the_site_still_starts()
    {
        using var portal = new PortalFactory(Path.Combine(_content.Path, "does-not-exist"));

        Assert.Equal(HttpStatusCode.OK, (await portal.CreateReader().GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.CreateReader().GetAsync("/news")).StatusCode);
        var line = await LogFile.WaitForLineAsync(Path.Combine(portal.DataPath, "logs"), "Start-up import finished with problems");
        Assert.Contains("the content folder does not exist", line, StringComparison.Ordinal);
        Assert.Contains("\"@l\":\"Warning\"", line, StringComparison.Ordinal);
    }
}

using System.Xml.Linq;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Security;

/// <summary>Plain text that lands in a feed element readers treat as HTML is HTML-encoded before it is XML-encoded.</summary>
public sealed class FeedEncodingTests : IDisposable
{
    private const string Hostile = "\"><svg/onload=alert(1)>";
    private readonly PortalFactory _portal = new(null);

    public void Dispose() => _portal.Dispose();

    private async Task PublishHostileArticleAsync()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var section = await _portal.WithDbAsync(db => db.Sections.Where(s => s.Slug == "news").Select(s => s.Id).SingleAsync());
        var response = await Editor.PostAsync(editor, null, "Publish",
            Editor.Fields("Feed test " + Hostile, "Body text.", slug: "feed-test", summary: "Summary " + Hostile, tags: "feedtest", sectionId: section));
        Editor.IdFrom(response);
    }

    [Theory]
    [InlineData("/feeds/news.rss")]
    [InlineData("/feeds/tags/feedtest.rss")]
    [InlineData("/feeds/sections/news.rss")]
    public async Task Rss_titles_and_descriptions_carry_a_hostile_summary_as_text_not_markup(string url)
    {
        await PublishHostileArticleAsync();

        var feed = XDocument.Parse(await _portal.CreateReader().GetStringAsync(url));
        var item = feed.Descendants("item").Single(i => i.Element("link")!.Value.EndsWith("/news/feed-test", StringComparison.Ordinal));

        // What a feed reader gets after XML decoding is what it parses as HTML: no element may appear there.
        Assert.Equal("Summary &quot;&gt;&lt;svg/onload=alert(1)&gt;", item.Element("description")!.Value);
        Assert.Equal("Feed test &quot;&gt;&lt;svg/onload=alert(1)&gt;", item.Element("title")!.Value);
    }

    [Fact]
    public async Task Atom_titles_and_summaries_are_declared_plain_text()
    {
        await PublishHostileArticleAsync();

        var feed = XDocument.Parse(await _portal.CreateReader().GetStringAsync("/feeds/news.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = feed.Descendants(atom + "entry").Single(e => e.Element(atom + "title")!.Value.StartsWith("Feed test", StringComparison.Ordinal));

        Assert.Equal("text", entry.Element(atom + "title")!.Attribute("type")?.Value);
        Assert.Equal("text", entry.Element(atom + "summary")!.Attribute("type")?.Value);
        Assert.Equal("Summary " + Hostile, entry.Element(atom + "summary")!.Value);
    }
}

using System.Globalization;
using System.Net;
using AlmatyPortal.Tests.Support;

namespace AlmatyPortal.Tests.Integration;

/// <summary>A portal with 7 articles (the seed and 6 more) and 3 to a page.</summary>
public sealed class PaginationTests : IClassFixture<PaginationTests.Portal>
{
    private readonly Portal _portal;

    public PaginationTests(Portal portal) => _portal = portal;

    public sealed class Portal : ContentPortal
    {
        public Portal()
            : base(new Dictionary<string, string?> { ["Portal:PageSize"] = "3" })
        {
            for (var day = 1; day <= 6; day++)
            {
                Content.WriteArticle($"2012-01-0{day}-update-{day}.md", $"""
                    title: Update {day}
                    section: news
                    status: published
                    publish_date: 2012-01-0{day.ToString(CultureInfo.InvariantCulture)}T09:00:00+06:00
                    tags: [Updates]
                    """);
            }
        }
    }

    [Fact]
    public async Task News_is_listed_newest_first_across_pages()
    {
        var client = _portal.Factory.CreateReader();
        var page1 = Html.Text(await client.GetStringAsync("/news"));
        var page2 = Html.Text(await client.GetStringAsync("/news?page=2"));
        var page3 = Html.Text(await client.GetStringAsync("/news?page=3"));

        Assert.True(page1.IndexOf("Update 6", StringComparison.Ordinal) < page1.IndexOf("Update 5", StringComparison.Ordinal));
        Assert.Contains("Update 4", page1, StringComparison.Ordinal);
        Assert.DoesNotContain("Update 3", page1, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 3", page1, StringComparison.Ordinal);
        Assert.Contains("Update 3", page2, StringComparison.Ordinal);
        Assert.Contains("Update 1", page2, StringComparison.Ordinal);
        Assert.Contains("UNHCR convenes regional conference", page3, StringComparison.Ordinal);
        Assert.Contains("Page 3 of 3", page3, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pager_links_to_the_neighbouring_pages()
    {
        var html = await _portal.Factory.CreateReader().GetStringAsync("/news?page=2");

        Assert.Contains("<a rel=\"prev\" href=\"/news\">", html, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"next\" href=\"/news?page=3\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/news?page=4")]
    [InlineData("/news?page=0")]
    [InlineData("/news?page=-1")]
    [InlineData("/news?page=abc")]
    [InlineData("/news?page=99999999999")]
    [InlineData("/sections/news?page=4")]
    [InlineData("/tags/updates?page=3")]
    public async Task A_page_past_the_end_or_not_a_number_is_404(string url)
    {
        var response = await _portal.Factory.CreateReader().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Section_and_tag_pages_paginate_their_own_articles()
    {
        var client = _portal.Factory.CreateReader();

        Assert.Contains("Page 1 of 3", Html.Text(await client.GetStringAsync("/sections/news-of-the-region")), StringComparison.Ordinal);
        var tag = Html.Text(await client.GetStringAsync("/tags/updates?page=2"));
        Assert.Contains("Page 2 of 2", tag, StringComparison.Ordinal);
        Assert.DoesNotContain("UNHCR convenes", tag, StringComparison.Ordinal);
    }
}

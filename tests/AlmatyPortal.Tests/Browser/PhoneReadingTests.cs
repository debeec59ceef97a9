using AlmatyPortal.Tests.Support;
using Deque.AxeCore.Playwright;

namespace AlmatyPortal.Tests.Browser;

/// <summary>A reader on a 375px phone: no sideways scrolling, images inside the screen, and no serious accessibility faults.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PhoneReadingTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    public static TheoryData<string> Pages =>
    [
        "/", "/news", "/sections/news", "/conferences", Seed.ArticleUrl, Seed.ConferenceUrl, "/no-such-page", "/search?q=declaration",
        "/ru", "/ru/news", "/ru/conferences", Integration.LanguageTests.RussianArticleUrl, Integration.LanguageTests.RussianConferenceUrl,
        "/processes/almaty-process", "/ru/processes/almatinskiy-protsess",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_fits_a_375px_phone_without_sideways_scrolling(string url)
    {
        var page = await browser.NewPageAsync(375, 812);
        await page.GotoAsync(url);

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var widestImage = await page.EvaluateAsync<int>("Math.max(0, ...Array.from(document.images).map(i => Math.ceil(i.getBoundingClientRect().right)))");

        Assert.True(scrollWidth <= 375, $"{url} is {scrollWidth}px wide");
        Assert.True(widestImage <= 375, $"an image on {url} reaches {widestImage}px");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_has_no_serious_accessibility_violations(string url)
    {
        var page = await browser.NewPageAsync(375, 812);
        await page.GotoAsync(url);

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task The_donate_button_in_the_header_leads_to_the_donation_page_and_is_counted()
    {
        var page = await browser.NewPageAsync(375, 812);
        await page.GotoAsync(Seed.ArticleUrl);

        var link = page.Locator("header .donate");
        Assert.Equal("DONATE NOW", (await link.InnerTextAsync()).Trim());
        var box = await link.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X + box.Width <= 375 && box.Height >= 24, "the donate button is on screen and large enough to tap");
        Assert.Equal($"/donate?from={Uri.EscapeDataString(Seed.ArticleUrl)}", await link.GetAttributeAsync("href"));
    }
}

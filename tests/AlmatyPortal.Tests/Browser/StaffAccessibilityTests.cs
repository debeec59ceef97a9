using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AlmatyPortal.Tests.Browser;

/// <summary>The staff pages have no serious accessibility faults either: staff include people who use screen readers.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class StaffAccessibilityTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/articles/edit")]
    [InlineData("/admin/articles/edit/{article}")]
    [InlineData("/admin/conferences/edit/{conference}")]
    [InlineData("/admin/processes/edit")]
    [InlineData("/admin/insight")]
    [InlineData("/admin/countries")]
    [InlineData("/admin/media")]
    [InlineData("/admin/sections")]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/settings/checks")]
    [InlineData("/ru/admin")]
    [InlineData("/ru/admin/articles/edit/{article-ru}")]
    [InlineData("/ru/admin/conferences/edit/{conference-ru}")]
    [InlineData("/admin/organisations")]
    [InlineData("/ru/admin/organisations")]
    public async Task A_staff_page_has_no_serious_accessibility_violations(string url)
    {
        var page = await SignedInPageAsync();

        await page.GotoAsync(await Seed.AddressAsync(browser.Portal, url));

        AssertNoSeriousViolations(await page.RunAxe());
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/ru/admin")]
    [InlineData("/admin/articles/edit/{article}")]
    [InlineData("/ru/admin/articles/edit/{article-ru}")]
    [InlineData("/ru/admin/media")]
    [InlineData("/ru/admin/articles")]
    [InlineData("/ru/admin/articles/{article}/history")]
    [InlineData("/ru/admin/conferences")]
    [InlineData("/ru/admin/conferences/edit/{conference-ru}")]
    [InlineData("/ru/admin/sections")]
    [InlineData("/ru/admin/tags")]
    [InlineData("/ru/admin/organisations")]
    [InlineData("/ru/admin/users")]
    [InlineData("/ru/admin/audit")]
    [InlineData("/ru/account/password")]
    public async Task A_staff_page_fits_a_375px_phone_without_sideways_scrolling(string url)
    {
        await SignedInPageAsync();
        var page = await browser.NewPageAsync(375, 812, _signedIn);

        await page.GotoAsync(await Seed.AddressAsync(browser.Portal, url));

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var widest = await page.EvaluateAsync<string>("Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 376).map(e => e.tagName + '.' + e.className + ' ' + Math.ceil(e.getBoundingClientRect().right)).slice(0, 6).join(', ')");
        Assert.True(scrollWidth <= 375, $"{url} is {scrollWidth}px wide: {widest}");
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/ru/account/login")]
    public async Task The_sign_in_page_has_no_serious_accessibility_violations(string url)
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync(await Seed.AddressAsync(browser.Portal, url));

        AssertNoSeriousViolations(await page.RunAxe());
    }

    private static void AssertNoSeriousViolations(Deque.AxeCore.Commons.AxeResult result)
    {
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    // Signing in once for the class: the sign-in form allows ten attempts a minute from one address.
    private static string? _signedIn;

    private async Task<IPage> SignedInPageAsync()
    {
        if (_signedIn is { } state)
        {
            return await browser.NewPageAsync(storageState: state);
        }
        var email = await Staff.CreateAsync(browser.Portal, StaffRoles.Admin);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Staff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");
        _signedIn = await page.Context.StorageStateAsync();
        return page;
    }
}

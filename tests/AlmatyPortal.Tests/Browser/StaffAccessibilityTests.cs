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
    [InlineData("/admin/articles/edit/1")]
    [InlineData("/admin/conferences/edit/1")]
    [InlineData("/admin/media")]
    [InlineData("/admin/sections")]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    public async Task A_staff_page_has_no_serious_accessibility_violations(string url)
    {
        var email = await Staff.CreateAsync(browser.Portal, StaffRoles.Admin);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        var login = await page.RunAxe();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Staff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/admin");

        await page.GotoAsync(url);
        var result = await page.RunAxe();

        var serious = login.Violations.Concat(result.Violations).Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}

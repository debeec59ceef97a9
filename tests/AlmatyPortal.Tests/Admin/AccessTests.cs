using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;

namespace AlmatyPortal.Tests.Admin;

public sealed class AccessTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    public static TheoryData<string> AdminRoutes =>
    [
        "/admin", "/admin/articles", "/admin/articles/edit", "/admin/articles/edit/{article}", "/admin/articles/{article}/history",
        "/admin/conferences", "/admin/conferences/edit", "/admin/conferences/edit/{conference}", "/admin/processes", "/admin/processes/edit", "/admin/insight", "/admin/insight/export?days=30", "/admin/countries", "/admin/people", "/admin/media", "/admin/sections",
        "/admin/tags", "/admin/organisations", "/admin/users", "/admin/audit", "/admin/settings/checks", "/account/password",
    ];

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task Anonymous_GET_of_an_admin_route_redirects_to_the_login_page(string route)
    {
        var url = await Seed.AddressAsync(portal, route);
        var response = await Staff.Client(portal).GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/login?ReturnUrl={Uri.EscapeDataString(url)}", response.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task Anonymous_POST_to_an_admin_route_changes_nothing(string route)
    {
        var url = await Seed.AddressAsync(portal, route);
        var section = (await Seed.SectionIdAsync(portal)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var before = await portal.WithDbAsync(DatabaseSnapshot.TakeAsync);
        var client = Staff.Client(portal);
        // A token from the public login page, so the request gets past antiforgery and meets authorization.
        var token = await Staff.TokenAsync(client, "/account/login");

        foreach (var handler in new[] { "", "?handler=Save", "?handler=Publish", "?handler=Delete", "?handler=Restore", "?handler=Upload" })
        {
            var response = await client.PostAsync(url + handler, Staff.Form(token,
                ("Input.Title", "Anonymous"), ("Input.Body", "x"), ("Input.SectionId", section), ("Input.Version", "0"), ("version", "1"), ("currentVersion", "0")));
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{url}{handler}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
            }
        }
        var after = await portal.WithDbAsync(DatabaseSnapshot.TakeAsync);
        Assert.Equal(Without(before, "AuditEntries"), Without(after, "AuditEntries"));
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    public async Task An_editor_gets_403_on_admin_only_pages(string url)
    {
        var editor = await Staff.SignedInAsync(portal, StaffRoles.Editor);

        var response = await editor.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Access denied", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_reaches_user_management_and_the_audit_log()
    {
        var admin = await Staff.SignedInAsync(portal, StaffRoles.Admin);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task A_POST_without_an_antiforgery_token_is_refused_and_saves_nothing()
    {
        var editor = await Staff.SignedInAsync(portal, StaffRoles.Editor);

        var response = await editor.PostAsync("/admin/articles/edit?handler=Save",
            Staff.Form(null, Editor.Fields("Forged article", "Body", sectionId: await Seed.SectionIdAsync(portal))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Articles, a => a.Title == "Forged article")));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("https://evil.example/admin")]
    [InlineData("javascript:alert(1)")]
    public async Task A_hostile_return_url_is_not_followed(string returnUrl)
    {
        var email = await Staff.CreateAsync(portal, StaffRoles.Editor);

        var response = await Staff.SignInAsync(Staff.Client(portal), email, Staff.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_local_return_url_is_followed()
    {
        var email = await Staff.CreateAsync(portal, StaffRoles.Editor);

        var response = await Staff.SignInAsync(Staff.Client(portal), email, Staff.Password, "/admin/media");

        Assert.Equal("/admin/media", response.Headers.Location?.OriginalString);
    }

    private static string Without(string snapshot, string table) =>
        string.Join('\n', snapshot.Split('\n').Where(l => !l.StartsWith(table + ":", StringComparison.Ordinal)));
}

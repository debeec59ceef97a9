using System.Globalization;
using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Admin;

/// <summary>Staff pages that had no test: roles, the article list filter, the dashboard, deleting, conferences and organisations.</summary>
public sealed class StaffPagesTests : IDisposable
{
    private readonly PortalFactory _portal = new(null);

    public void Dispose() => _portal.Dispose();

    private Task<List<(string Action, string Target, string Detail)>> AuditAsync() =>
        _portal.WithDbAsync(async db => (await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync())
            .Select(a => (a.Action, a.Target, a.Detail)).ToList());

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_admin_makes_an_editor_an_admin_whose_next_session_opens_the_users_page_and_the_change_is_audited()
    {
        var admin = await Staff.SignedInAsync(_portal, StaffRoles.Admin);
        var email = await Staff.CreateAsync(_portal, StaffRoles.Editor);
        var editor = Staff.Client(_portal);
        await Staff.SignInAsync(editor, email, Staff.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/users")).StatusCode);
        var id = (await Staff.FindAsync(_portal, email))!.Id;
        var token = await Staff.TokenAsync(admin, "/admin/users", $"form[action='/admin/users?handler=Role&id={id}']");

        var response = await admin.PostAsync($"/admin/users?handler=Role&id={id}", Staff.Form(token, ("role", StaffRoles.Admin)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The old session, signed in with the old role, ends; the next one carries the new role.
        Assert.StartsWith("/account/login", (await editor.GetAsync("/admin/users")).Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        await Staff.SignInAsync(editor, email, Staff.Password);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin/users")).StatusCode);
        Assert.Contains(await AuditAsync(), a => a.Action == AuditLog.UserChange && a.Target == email && a.Detail.Contains(StaffRoles.Admin, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_article_list_filters_by_status_and_an_unknown_status_shows_every_article()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var section = await Seed.SectionIdAsync(_portal);
        await Editor.PostAsync(editor, null, "Save", Editor.Fields("A quiet draft", "Text.", section));
        await Editor.PostAsync(editor, null, "Publish", Editor.Fields("A later report", "Text.", section, publishAt: "2099-01-01T09:00"));

        var drafts = Html.Text(await editor.GetStringAsync("/admin/articles?status=draft"));
        var scheduled = Html.Text(await editor.GetStringAsync("/admin/articles?status=scheduled"));
        var published = Html.Text(await editor.GetStringAsync("/admin/articles?status=published"));
        var unknown = Html.Text(await editor.GetStringAsync("/admin/articles?status=lost"));

        Assert.Contains("A quiet draft", drafts, StringComparison.Ordinal);
        Assert.DoesNotContain("A later report", drafts, StringComparison.Ordinal);
        Assert.DoesNotContain("UNHCR convenes", drafts, StringComparison.Ordinal);
        Assert.Contains("A later report", scheduled, StringComparison.Ordinal);
        Assert.DoesNotContain("A quiet draft", scheduled, StringComparison.Ordinal);
        Assert.Contains("UNHCR convenes", published, StringComparison.Ordinal);
        Assert.DoesNotContain("A quiet draft", published, StringComparison.Ordinal);
        Assert.Contains("A quiet draft", unknown, StringComparison.Ordinal);
        Assert.Contains("A later report", unknown, StringComparison.Ordinal);
        Assert.Contains("UNHCR convenes", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_shows_drafts_recently_published_articles_and_donate_clicks_by_page()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var section = await Seed.SectionIdAsync(_portal);
        await Editor.PostAsync(editor, null, "Save", Editor.Fields("Dashboard draft", "Text.", section));
        await Editor.PostAsync(editor, null, "Publish", Editor.Fields("Dashboard news", "Text.", section));
        await _portal.CreateReader().GetAsync("/donate?from=" + Uri.EscapeDataString(Seed.ArticleUrl));
        await _portal.CreateReader().GetAsync("/donate?from=" + Uri.EscapeDataString(Seed.ArticleUrl));

        var html = await editor.GetStringAsync("/admin");

        Assert.Contains("Dashboard draft", Html.Text(html[html.IndexOf("id=\"drafts\"", StringComparison.Ordinal)..html.IndexOf("id=\"scheduled\"", StringComparison.Ordinal)]), StringComparison.Ordinal);
        var published = Html.Text(html[html.IndexOf("id=\"published\"", StringComparison.Ordinal)..html.IndexOf("id=\"donate-clicks\"", StringComparison.Ordinal)]);
        Assert.Contains("Dashboard news", published, StringComparison.Ordinal);
        Assert.DoesNotContain("Dashboard draft", published, StringComparison.Ordinal);
        var clicks = Html.Text(html[html.IndexOf("id=\"donate-clicks\"", StringComparison.Ordinal)..]);
        Assert.Contains(Seed.ArticleUrl + " 2", clicks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_article_takes_its_page_down_and_is_audited()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var id = Editor.IdFrom(await Editor.PostAsync(editor, null, "Publish", Editor.Fields("Short-lived", "Text.", await Seed.SectionIdAsync(_portal), slug: "short-lived")));
        Assert.Equal(HttpStatusCode.OK, (await _portal.CreateReader().GetAsync("/news/short-lived")).StatusCode);
        var token = await Staff.TokenAsync(editor, $"/admin/articles/edit/{id}", "form.danger-zone");

        var response = await editor.PostAsync($"/admin/articles/edit/{id}?handler=Delete", Staff.Form(token, ("Input.Version", "1")));

        Assert.Equal("/admin/articles", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateReader().GetAsync("/news/short-lived")).StatusCode);
        Assert.Contains(await AuditAsync(), a => a.Action == AuditLog.Delete && a.Target.Contains("short-lived", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_is_audited_with_what_was_stored()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var token = await Staff.TokenAsync(editor, "/admin/media", "form[enctype='multipart/form-data']");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Images.Png(320, 200)), "Upload", "chart.png" },
            { new StringContent("A chart of arrivals"), "Details.AltText" },
            { new StringContent("© UNHCR"), "Details.Credit" },
            { new StringContent(token), "__RequestVerificationToken" },
        };

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync("/admin/media?handler=Upload", form)).StatusCode);

        var entry = Assert.Single(await AuditAsync(), a => a.Action == AuditLog.Upload);
        Assert.Contains("chart", entry.Target, StringComparison.Ordinal);
        Assert.Contains("320", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpublishing_a_conference_record_takes_its_page_off_the_site()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var id = await Seed.AddressAsync(_portal, "{conference}");
        var page = $"/admin/conferences/edit/{id}";
        var fields = await FormValues.ReadAsync(editor, page, "form.editor");

        var response = await editor.PostAsync(page + "?handler=Unpublish", Staff.Form(null, [.. fields]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateReader().GetAsync(Seed.ConferenceUrl)).StatusCode);
        Assert.DoesNotContain(Seed.ConferenceUrl, await _portal.CreateReader().GetStringAsync("/conferences"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renaming_an_organisation_changes_it_on_the_conference_page()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var iom = await _portal.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Slug == "iom"));
        var token = await Staff.TokenAsync(editor, "/admin/organisations");

        var response = await editor.PostAsync($"/admin/organisations?handler=Save&id={S(iom.Id)}",
            Staff.Form(token, ("name", "International Organization for Migration (UN Migration)"), ("acronym", "IOM"), ("url", "https://www.iom.int/")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("International Organization for Migration (UN Migration) (IOM)",
            Html.Text(await _portal.CreateReader().GetStringAsync(Seed.ConferenceUrl)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conference_naming_an_unknown_organisation_is_refused_in_the_editors_language()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var token = await Staff.TokenAsync(editor, "/ru/admin/conferences/edit", "form.editor");

        var response = await editor.PostAsync("/ru/admin/conferences/edit?handler=Save", Staff.Form(token,
            ("Input.Title", "Круглый стол"), ("Input.City", "Бишкек"), ("Input.StartDate", "2012-06-04"), ("Input.EndDate", "2012-06-05"),
            ("Input.Organisers", "999999"), ("Input.Version", "0")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Выберите организации из списков.", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await _portal.WithDbAsync(db => db.Conferences.CountAsync(c => c.Title == "Круглый стол")));
    }
}

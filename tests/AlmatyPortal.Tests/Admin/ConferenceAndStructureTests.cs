using System.Globalization;
using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Admin;

public class ConferenceAndStructureTests : IDisposable
{
    private readonly PortalFactory _portal;

    public ConferenceAndStructureTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected ConferenceAndStructureTests(PortalDatabase database) => _portal = new(null, database: database);

    public void Dispose()
    {
        _portal.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<int> IdAsync(Func<Web.Infrastructure.PortalDbContext, Task<int>> query) => _portal.WithDbAsync(query);

    [Fact]
    public async Task A_conference_record_with_every_field_is_created_and_published_from_the_form()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var kz = await IdAsync(db => db.Countries.Where(c => c.IsoAlpha2 == "KZ").Select(c => c.Id).SingleAsync());
        var kg = await IdAsync(db => db.Countries.Where(c => c.IsoAlpha2 == "KG").Select(c => c.Id).SingleAsync());
        var unhcr = await IdAsync(db => db.Organisations.Where(o => o.Slug == "unhcr").Select(o => o.Id).SingleAsync());
        var iom = await IdAsync(db => db.Organisations.Where(o => o.Slug == "iom").Select(o => o.Id).SingleAsync());
        var osce = await IdAsync(db => db.Organisations.Where(o => o.Slug == "osce").Select(o => o.Id).SingleAsync());
        var article = await IdAsync(db => db.Articles.Where(a => a.Language == "en").Select(a => a.Id).SingleAsync());
        var token = await Staff.TokenAsync(editor, "/admin/conferences/edit", "form.editor");
        string S(int i) => i.ToString(CultureInfo.InvariantCulture);

        var response = await editor.PostAsync("/admin/conferences/edit?handler=Publish", Staff.Form(token,
            ("Input.Title", "Bishkek Roundtable on Statelessness"), ("Input.City", "Bishkek"), ("Input.CountryId", S(kg)), ("Input.Venue", "Hyatt Regency"),
            ("Input.StartDate", "2012-06-04"), ("Input.EndDate", "2012-06-05"), ("Input.ParticipantCount", "40"), ("Input.ParticipantCountQualifier", "About"),
            ("Input.ParticipantLevel", "senior officials"), ("Input.Organisers", S(unhcr)), ("Input.Organisers", S(iom)), ("Input.SupportedBy", S(osce)),
            ("Input.Speakers", "Jane Doe | Representative | opening\nJohn Roe | Expert"), ("Input.Countries", S(kg)), ("Input.Countries", S(kz)),
            ("Input.Topics", "Ending statelessness\nBirth registration"), ("Input.Documents", "Bishkek Recommendations | Adopted at the close | https://example.org/rec.pdf"),
            ("Input.FollowUpName", "Bishkek Follow-up"), ("Input.FollowUpDescription", "Yearly review."), ("Input.Body", "A *roundtable*."),
            ("Input.Articles", S(article)), ("Input.Version", "0")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var text = Html.Text(await _portal.CreateReader().GetStringAsync("/conferences/bishkek-roundtable-on-statelessness"));
        Assert.Contains("4–5 June 2012 · Hyatt Regency, Bishkek, Kyrgyzstan", text, StringComparison.Ordinal);
        Assert.Contains("Organised by Office of the United Nations High Commissioner for Refugees (UNHCR) International Organization for Migration (IOM)", text, StringComparison.Ordinal);
        Assert.Contains("Supported by Organization for Security and Cooperation in Europe (OSCE)", text, StringComparison.Ordinal);
        Assert.Contains("Jane Doe, Representative (opening)", text, StringComparison.Ordinal);
        Assert.Contains("About 40 participants, senior officials, from 2 countries: Kyrgyzstan Kazakhstan", text, StringComparison.Ordinal);
        Assert.Contains("Ending statelessness Birth registration", text, StringComparison.Ordinal);
        Assert.Contains("Bishkek Recommendations Adopted at the close", text, StringComparison.Ordinal);
        Assert.Contains("Follow-up: Bishkek Follow-up Yearly review.", text, StringComparison.Ordinal);
        Assert.Contains("UNHCR convenes regional conference", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_the_seed_conference_keeps_its_parts_and_a_stale_save_is_refused()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var id = await IdAsync(db => db.Conferences.Where(c => c.Language == "en").Select(c => c.Id).SingleAsync());
        var form = await editor.GetStringAsync($"/admin/conferences/edit/{id}");
        Assert.Contains("Erika Feller | UNHCR&#x27;s Assistant High Commissioner for Protection | opening session", form, StringComparison.Ordinal);

        var fields = FormFields(form).Select(f => f.Name == "Input.Venue" ? (f.Name, "Conference hall") : f).ToArray();
        var token = await Staff.TokenAsync(editor, $"/admin/conferences/edit/{id}", "form.editor");
        var saved = await editor.PostAsync($"/admin/conferences/edit/{id}?handler=Save", Staff.Form(token, fields));
        var stale = await editor.PostAsync($"/admin/conferences/edit/{id}?handler=Save", Staff.Form(token, fields));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var text = Html.Text(await _portal.CreateReader().GetStringAsync(Seed.ConferenceUrl));
        Assert.Contains("15–16 March 2011 · Conference hall, Almaty, Kazakhstan", text, StringComparison.Ordinal);
        Assert.Contains("from 10 countries: " + string.Join(" ", Seed.ParticipatingCountries), text, StringComparison.Ordinal);
        Assert.Contains("Funded by European Commission Bureau of Population, Refugees and Migration, U.S. Department of State", text, StringComparison.Ordinal);
        Assert.Contains("Erika Feller, UNHCR's Assistant High Commissioner for Protection (opening session)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_add_rename_and_delete_sections_and_tags()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var token = await Staff.TokenAsync(editor, "/admin/sections");
        var parent = await IdAsync(db => db.Sections.Where(s => s.Slug == "news-of-the-region").Select(s => s.Id).SingleAsync());

        var added = await editor.PostAsync("/admin/sections?handler=Save", Staff.Form(token, ("name", "Press releases"), ("slug", ""), ("parentId", parent.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var listing = await editor.GetStringAsync("/admin/sections");
        Assert.True(listing.Contains("Section saved.", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(listing, "<p class=\"notice\"[^>]*>[^<]*").Value + " " + added.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, (await _portal.CreateReader().GetAsync("/sections/press-releases")).StatusCode);
        var newsId = await IdAsync(db => db.Sections.Where(s => s.Slug == "news").Select(s => s.Id).SingleAsync());
        await editor.PostAsync($"/admin/sections?handler=Delete&id={newsId}", Staff.Form(token));
        Assert.True(await _portal.WithDbAsync(db => db.Sections.AnyAsync(s => s.Slug == "news")), "a section with articles is not deleted");

        var tag = await IdAsync(db => db.Tags.Where(t => t.Slug == "migration").Select(t => t.Id).SingleAsync());
        await editor.PostAsync($"/admin/tags?handler=Rename&id={tag}", Staff.Form(token, ("name", "International migration")));
        Assert.Equal(HttpStatusCode.OK, (await _portal.CreateReader().GetAsync("/tags/international-migration")).StatusCode);
        await editor.PostAsync($"/admin/tags?handler=Delete&id={tag}", Staff.Form(token));
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.CreateReader().GetAsync("/tags/international-migration")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _portal.CreateReader().GetAsync(Seed.ArticleUrl)).StatusCode);
    }

    /// <summary>The name/value pairs a browser would post from the page's main form.</summary>
    private static List<(string Name, string Value)> FormFields(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var form = document.QuerySelector("form.editor")!;
        var fields = new List<(string, string)>();
        foreach (var element in form.QuerySelectorAll("input[name]:not([name=__RequestVerificationToken]), textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) { fields.Add((name, input.Value)); }
                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement input:
                    fields.Add((name, input.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area:
                    fields.Add((name, area.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select:
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => (name, o.Value)));
                    break;
            }
        }
        return fields;
    }
}

/// <summary>The same conference, section and tag editing on PostgreSQL.</summary>
public sealed class ConferenceAndStructureOnPostgreSqlTests() : ConferenceAndStructureTests(PortalDatabase.PostgreSql);

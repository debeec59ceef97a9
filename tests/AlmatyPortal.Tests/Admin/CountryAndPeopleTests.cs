using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Admin;

/// <summary>Countries and people (speakers) edited by staff with their Russian names, shown on conference pages and carried by content/.</summary>
public sealed class CountryAndPeopleTests : IDisposable
{
    private readonly PortalFactory _portal = new(null, CachedReader.Settings);

    public void Dispose() => _portal.Dispose();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient staff, string page, string handler, params (string, string)[] fields)
    {
        var token = await Staff.TokenAsync(staff, page, $"form[action*='handler={handler}']");
        return await staff.PostAsync($"{page}?handler={handler}", Staff.Form(token, fields));
    }

    private Task<int> IdAsync(string iso2) => _portal.WithDbAsync(db => db.Countries.Where(c => c.IsoAlpha2 == iso2).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task A_country_renamed_in_russian_reads_so_on_the_russian_conference_page_at_once()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var reader = new CachedReader(_portal);
        var page = "/ru/conferences/" + Seed.RussianConferenceSlug;
        await reader.WarmAsync(page, Seed.ConferenceUrl);

        var saved = await PostAsync(editor, "/admin/countries", $"Save&id={await IdAsync("KZ")}", ("name", "Kazakhstan"), ("iso2", "KZ"), ("iso3", "KAZ"), ("nameIn[ru]", "Республика Казахстан"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Республика Казахстан", Html.Text(await reader.FreshAsync(page)), StringComparison.Ordinal);
        Assert.Contains("value=\"Республика Казахстан\"", await editor.GetStringAsync("/admin/countries"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_country_needs_valid_unique_iso_codes_and_a_refused_one_changes_nothing()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var before = await _portal.WithDbAsync(db => db.Countries.CountAsync());

        await PostAsync(editor, "/admin/countries", "Save", ("name", "Mongolia"), ("iso2", "M1"), ("iso3", "MNG"));
        var notice = await editor.GetStringAsync("/admin/countries");
        await PostAsync(editor, "/admin/countries", "Save", ("name", "Kazakhstan again"), ("iso2", "KZ"), ("iso3", "KZX"));
        var duplicate = await editor.GetStringAsync("/admin/countries");
        await PostAsync(editor, "/admin/countries", "Save", ("name", "Mongolia"), ("iso2", "mn"), ("iso3", "mng"), ("nameIn[ru]", "Монголия"));

        Assert.Contains("ISO 3166-1 codes", notice, StringComparison.Ordinal);
        Assert.Contains("Another country already has the code KZ or KZX.", duplicate, StringComparison.Ordinal);
        Assert.Equal(before + 1, await _portal.WithDbAsync(db => db.Countries.CountAsync()));
        Assert.Equal("MNG", await _portal.WithDbAsync(db => db.Countries.Where(c => c.IsoAlpha2 == "MN").Select(c => c.IsoAlpha3).SingleAsync()));
    }

    [Fact]
    public async Task A_speaker_named_in_russian_by_staff_reads_so_on_the_russian_conference_page_and_exports_to_people_yml()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var id = await _portal.WithDbAsync(db => db.People.Where(p => p.Slug == "erika-feller").Select(p => p.Id).SingleAsync());

        await PostAsync(editor, "/admin/people", $"Save&id={id}", ("name", "Erika Feller"), ("nameIn[ru]", "Эрика Феллер (УВКБ ООН)"));
        await PostAsync(editor, "/admin/people", "Save", ("name", "Volker Türk"), ("nameIn[ru]", "Фолькер Тюрк"));

        Assert.Contains("Эрика Феллер (УВКБ ООН)", Html.Text(await _portal.CreateReader().GetStringAsync("/ru/conferences/" + Seed.RussianConferenceSlug)), StringComparison.Ordinal);
        using var export = new ContentFolder(copySeed: false);
        await _portal.WithServicesAsync(sp => sp.GetRequiredService<ContentExporter>().ExportAsync(export.Path));
        var people = export.Read("people.yml");
        Assert.Contains("name: Эрика Феллер (УВКБ ООН)", people, StringComparison.Ordinal);
        Assert.Contains("- slug: volker-turk\n  name: Volker Türk\n  translations:\n    ru:\n      name: Фолькер Тюрк", people, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_without_a_name_or_with_a_too_long_russian_name_is_refused()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var before = await _portal.WithDbAsync(db => db.People.CountAsync());

        await PostAsync(editor, "/admin/people", "Save", ("name", "  "));
        var empty = await editor.GetStringAsync("/admin/people");
        await PostAsync(editor, "/admin/people", "Save", ("name", "Someone"), ("nameIn[ru]", new string('я', 201)));
        var tooLong = await editor.GetStringAsync("/admin/people");

        Assert.Contains("A person needs a name", empty, StringComparison.Ordinal);
        Assert.Contains("at most 200 characters", tooLong, StringComparison.Ordinal);
        Assert.Equal(before, await _portal.WithDbAsync(db => db.People.CountAsync()));
    }
}

using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Admin;

/// <summary>Section and organisation names in Russian, set by staff, shown on Russian pages and carried by content/.</summary>
public sealed class NameTranslationTests : IDisposable
{
    private readonly PortalFactory _portal = new(null);

    public void Dispose() => _portal.Dispose();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient admin, string page, string handler, params (string, string)[] fields)
    {
        var token = await Staff.TokenAsync(admin, page, $"form[action*='handler={handler}']");
        return await admin.PostAsync($"{page}?handler={handler}", Staff.Form(token, fields));
    }

    [Fact]
    public async Task A_section_named_in_russian_by_staff_reads_in_russian_on_russian_pages_and_in_english_on_english_ones()
    {
        var admin = await Staff.SignedInAsync(_portal, StaffRoles.Admin);

        var saved = await PostAsync(admin, "/admin/sections", "Save", ("name", "Statelessness"), ("slug", "statelessness"), ("nameIn[ru]", "Безгражданство"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Contains("<h1>Безгражданство</h1>", await _portal.CreateReader().GetStringAsync("/ru/sections/statelessness"), StringComparison.Ordinal);
        Assert.Contains("<h1>Statelessness</h1>", await _portal.CreateReader().GetStringAsync("/sections/statelessness"), StringComparison.Ordinal);
        Assert.Contains("value=\"Безгражданство\"", await admin.GetStringAsync("/admin/sections"), StringComparison.Ordinal);

        // Renaming in English keeps the Russian name, which the form sends back with it.
        var id = await _portal.WithDbAsync(db => db.Sections.Where(s => s.Slug == "statelessness").Select(s => s.Id).SingleAsync());
        await PostAsync(admin, "/admin/sections", $"Save&id={id}", ("name", "Statelessness and nationality"), ("slug", "statelessness"), ("nameIn[ru]", "Безгражданство и гражданство"));
        Assert.Contains("<h1>Безгражданство и гражданство</h1>", await _portal.CreateReader().GetStringAsync("/ru/sections/statelessness"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_too_long_translation_is_refused_with_a_reason_and_changes_nothing()
    {
        var admin = await Staff.SignedInAsync(_portal, StaffRoles.Admin);
        var before = await _portal.WithDbAsync(db => db.NameTranslations.CountAsync());

        var refused = await PostAsync(admin, "/admin/sections", "Save", ("name", "Borders"), ("nameIn[ru]", new string('ж', 121)));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("at most 120 characters", await admin.GetStringAsync("/admin/sections"), StringComparison.Ordinal);
        Assert.Equal(before, await _portal.WithDbAsync(db => db.NameTranslations.CountAsync()));
        Assert.False(await _portal.WithDbAsync(db => db.Sections.AnyAsync(s => s.Name == "Borders")));
    }

    [Fact]
    public async Task An_organisation_and_its_acronym_in_russian_are_exported_to_content_and_import_back_unchanged()
    {
        var admin = await Staff.SignedInAsync(_portal, StaffRoles.Admin);
        await PostAsync(admin, "/admin/organisations", "Save", ("name", "Norwegian Refugee Council"), ("acronym", "NRC"), ("url", ""),
            ("nameIn[ru]", "Норвежский совет по делам беженцев"), ("acronymIn[ru]", "НСБ"));

        using var folder = new ContentFolder(copySeed: false);
        await _portal.WithServicesAsync(sp => sp.GetRequiredService<ContentExporter>().ExportAsync(folder.Path));
        var yaml = folder.Read("organisations.yml");
        Assert.Contains("  name: Norwegian Refugee Council\n  acronym: NRC\n  translations:\n    ru:\n      name: Норвежский совет по делам беженцев\n      acronym: НСБ\n", yaml, StringComparison.Ordinal);

        var report = await _portal.WithServicesAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(folder.Path));
        Assert.Equal((0, 0), (report.Created, report.Updated));
    }
}

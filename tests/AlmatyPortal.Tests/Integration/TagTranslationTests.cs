using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Integration;

/// <summary>Tags linked as the same tag in other languages: the pages link each other, staff link and unlink them, content/tags.yml carries them.</summary>
public sealed class TagTranslationTests : IDisposable
{
    private readonly PortalFactory _portal = new(null, CachedReader.Settings);

    public void Dispose() => _portal.Dispose();

    private Task<int> TagIdAsync(string slug) => _portal.WithDbAsync(db => db.Tags.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync());

    private static async Task<HttpResponseMessage> PostAsync(HttpClient staff, string handler, params (string, string)[] fields)
    {
        var token = await Staff.TokenAsync(staff, "/admin/tags", $"form[action*='handler={handler}']");
        return await staff.PostAsync($"/admin/tags?handler={handler}", Staff.Form(token, fields));
    }

    [Fact]
    public async Task The_seeded_english_and_russian_tags_link_each_other_and_switch_language_to_each_other()
    {
        var reader = _portal.CreateReader();

        var english = await reader.GetStringAsync("/tags/almaty-declaration");
        var russian = await reader.GetStringAsync("/ru/tags/almatinskaya-deklaratsiya");

        Assert.Contains("href=\"/ru/tags/almatinskaya-deklaratsiya\" hreflang=\"ru\" lang=\"ru\">Алматинская декларация</a>", english, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" hreflang=\"ru\" href=\"http://localhost/ru/tags/almatinskaya-deklaratsiya\">", english, StringComparison.Ordinal);
        Assert.Contains("class=\"language\" href=\"/ru/tags/almatinskaya-deklaratsiya\"", english, StringComparison.Ordinal);
        Assert.Contains("href=\"/tags/almaty-declaration\" hreflang=\"en\" lang=\"en\">Almaty Declaration</a>", russian, StringComparison.Ordinal);
        Assert.Contains("class=\"language\" href=\"/tags/almaty-declaration\"", russian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_link_two_tags_and_unlink_them_and_both_pages_change_at_once()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var section = await Seed.SectionIdAsync(_portal);
        await Editor.PostAsync(editor, null, "Publish", Editor.Fields("Statelessness report", "Text.", section, tags: "Statelessness"));
        var token = await Staff.TokenAsync(editor, "/ru/admin/articles/edit", "#article-editor");
        await editor.PostAsync("/ru/admin/articles/edit?handler=Publish", Staff.Form(token, [.. Editor.Fields("Доклад о безгражданстве", "Текст.", section, tags: "Безгражданство"), ("Input.Language", "ru")]));
        var reader = new CachedReader(_portal);
        await reader.WarmAsync("/tags/statelessness", "/ru/tags/bezgrazhdanstvo", "/tags/migration");

        var linked = await PostAsync(editor, $"Link&id={await TagIdAsync("statelessness")}", ("other", (await TagIdAsync("bezgrazhdanstvo")).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Contains(">Безгражданство</a>", await reader.FreshAsync("/tags/statelessness"), StringComparison.Ordinal);
        Assert.Contains(">Statelessness</a>", await reader.FreshAsync("/ru/tags/bezgrazhdanstvo"), StringComparison.Ordinal);
        await reader.StillCachedAsync("/tags/migration");

        await PostAsync(editor, $"Unlink&id={await TagIdAsync("bezgrazhdanstvo")}");

        Assert.DoesNotContain("tag-translation", await reader.FreshAsync("/tags/statelessness"), StringComparison.Ordinal);
        Assert.DoesNotContain("tag-translation", await reader.FreshAsync("/ru/tags/bezgrazhdanstvo"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linking_a_tag_to_itself_or_to_nothing_is_refused_and_changes_nothing()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var id = await TagIdAsync("migration");
        await _portal.WithDbAsync(async db =>
        {
            await db.Tags.Where(t => t.TranslationGroup != null).ExecuteUpdateAsync(s => s.SetProperty(t => t.TranslationGroup, (Guid?)null));
            return true;
        });

        await PostAsync(editor, $"Link&id={id}", ("other", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var page = await editor.GetStringAsync("/admin/tags");
        await PostAsync(editor, $"Link&id={id}", ("other", ""));

        Assert.Contains("Choose another tag from the list.", page, StringComparison.Ordinal);
        Assert.False(await _portal.WithDbAsync(db => db.Tags.AnyAsync(t => t.TranslationGroup != null)));
    }

    [Fact]
    public async Task A_tags_file_naming_a_tag_no_article_uses_is_reported_and_the_others_still_link()
    {
        using var content = new ContentFolder();
        File.AppendAllText(Path.Combine(content.Path, "tags.yml"), "- name: Nowhere\n  same_as:\n  - Нигде\n");
        await _portal.WithDbAsync(async db =>
        {
            await db.Tags.ExecuteUpdateAsync(s => s.SetProperty(t => t.TranslationGroup, (Guid?)null));
            return true;
        });

        var report = await _portal.WithServicesAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(content.Path));

        Assert.Contains(report.Problems, p => p.File == "tags.yml" && p.Message.Contains("no article uses the tag 'Nowhere', 'Нигде'", StringComparison.Ordinal));
        Assert.Contains(">Алматинская декларация</a>", await _portal.CreateReader().GetStringAsync("/tags/almaty-declaration"), StringComparison.Ordinal);
    }
}

using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Admin;

/// <summary>The search index follows every publish, edit, unpublish and delete, and the rebuild command repairs it.</summary>
public class SearchIndexTests : IDisposable
{
    private readonly PortalFactory _portal;

    public SearchIndexTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected SearchIndexTests(PortalDatabase database) => _portal = new(null, database: database);

    public void Dispose()
    {
        _portal.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<bool> FindsAsync(string words)
    {
        var html = await _portal.CreateReader().GetStringAsync("/search?q=" + Uri.EscapeDataString(words));
        return !html.Contains("No results for", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_stays_in_step_with_publish_edit_unpublish_and_delete()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var section = await _portal.WithDbAsync(db => db.Sections.Where(s => s.Slug == "news").Select(s => s.Id).SingleAsync());

        var saved = await Editor.PostAsync(editor, null, "Save", Editor.Fields("Quokka draft", "Zanzibar text.", sectionId: section));
        var id = Editor.IdFrom(saved);
        Assert.False(await FindsAsync("zanzibar"), "a draft is not searchable");

        await Editor.PostAsync(editor, id, "Publish", Editor.Fields("Quokka report", "Zanzibar text.", version: 1, sectionId: section));
        Assert.True(await FindsAsync("zanzibar"));

        await Editor.PostAsync(editor, id, "Save", Editor.Fields("Quokka report", "Kilimanjaro text.", version: 2, sectionId: section));
        Assert.False(await FindsAsync("zanzibar"), "the old words are gone after an edit");
        Assert.True(await FindsAsync("kilimanjaro"));

        await Editor.PostAsync(editor, id, "Unpublish", Editor.Fields("Quokka report", "Kilimanjaro text.", version: 3, sectionId: section));
        Assert.False(await FindsAsync("kilimanjaro"), "an unpublished article is not searchable");

        await Editor.PostAsync(editor, id, "Publish", Editor.Fields("Quokka report", "Kilimanjaro text.", version: 4, sectionId: section));
        Assert.True(await FindsAsync("kilimanjaro"));
        var token = await Staff.TokenAsync(editor, $"/admin/articles/edit/{id}", "form.danger-zone");
        await editor.PostAsync($"/admin/articles/edit/{id}?handler=Delete", Staff.Form(token, ("Input.Version", "5")));
        Assert.False(await FindsAsync("kilimanjaro"), "a deleted article is not searchable");
        Assert.False(await _portal.WithDbAsync(db => db.SearchDocuments.AnyAsync(d => d.ArticleId == id)));
    }

    [Fact]
    public async Task A_process_leaves_the_index_when_unpublished_and_comes_back_when_published_again()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var id = await _portal.WithDbAsync(db => db.Processes.Where(p => p.Slug == "almaty-process").Select(p => p.Id).SingleAsync());
        var page = $"/admin/processes/edit/{id}";
        var form = (await FormValues.ReadAsync(editor, page, "#process-editor")).With("Input.Summary", "Follow-up to the 2011 conference, with a focus on quokka registries.");
        await editor.PostAsync(page + "?handler=Save", Staff.Form(null, [.. form]));
        Assert.True(await FindsAsync("quokka registries"));

        await editor.PostAsync(page + "?handler=Unpublish", Staff.Form(null, [.. await FormValues.ReadAsync(editor, page, "#process-editor")]));
        Assert.False(await FindsAsync("quokka registries"));

        await editor.PostAsync(page + "?handler=Publish", Staff.Form(null, [.. await FormValues.ReadAsync(editor, page, "#process-editor")]));
        Assert.True(await FindsAsync("quokka registries"));
    }

    [Fact]
    public async Task The_rebuild_command_repairs_a_damaged_index()
    {
        // Every search document gone (on SQLite, the FTS5 index rebuilt to match).
        await _portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite()
            ? """DELETE FROM "SearchDocuments"; INSERT INTO "SearchEntries"("SearchEntries") VALUES ('rebuild');"""
            : """DELETE FROM "SearchDocuments";"""));
        Assert.False(await FindsAsync("declaration"));

        var count = await _portal.WithServicesAsync(sp => sp.GetRequiredService<SearchIndex>().RebuildAsync());

        // The seed's two articles, two conference records and two processes.
        Assert.Equal(6, count);
        Assert.True(await FindsAsync("declaration"));
        Assert.True(await FindsAsync("Feller"), "conference records are found by their speakers");
    }
}

/// <summary>The same search index upkeep on PostgreSQL.</summary>
public sealed class SearchIndexOnPostgreSqlTests() : SearchIndexTests(PortalDatabase.PostgreSql);

using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Articles;
using AlmatyPortal.Web.Features.Publishing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.ScaleOut;

/// <summary>
/// Two portal instances on one PostgreSQL database, as two machines behind a proxy: a browser's requests may reach
/// either, and everything staff and readers rely on holds across them.
/// </summary>
public sealed class SeveralInstancesTests : IDisposable
{
    private readonly PortalFactory _a;
    private readonly PortalFactory _b;
    private readonly CookieContainer _cookies = new();

    /// <summary>The media folder both instances share, as an NFS mount would be.</summary>
    private readonly string _media = Path.Combine(Path.GetTempPath(), "almaty-shared-media", Guid.NewGuid().ToString("N"));

    public SeveralInstancesTests()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Portal:SchedulerIntervalSeconds"] = "0.05",
            ["PageCache:PurgeLogPollSeconds"] = "0.1",
            ["Portal:MediaPath"] = _media,
        };
        _a = new PortalFactory(null, settings, PortalDatabase.PostgreSql);
        // A migrates the database and imports content/ before B starts on it.
        _ = _a.Services;
        _b = _a.AnotherInstance(settings);
        _ = _b.Services;
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
        Directory.Delete(_media, recursive: true);
    }

    /// <summary>One browser (one cookie jar) whose requests this instance answers.</summary>
    private HttpClient Browser(PortalFactory instance) => instance.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(_cookies));

    private async Task<HttpClient> SignedInEditorAsync()
    {
        var email = await Staff.CreateAsync(_a, StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(Browser(_a), email, Staff.Password)).StatusCode);
        return Browser(_a);
    }

    private Task<int> NewsSectionAsync() => _a.WithDbAsync(db => db.Sections.Where(s => s.Slug == "news").Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task A_sign_in_on_one_instance_is_honoured_by_the_other_and_a_form_from_one_posts_to_the_other()
    {
        await SignedInEditorAsync();
        var section = await NewsSectionAsync();

        var dashboard = await Browser(_b).GetAsync("/admin");
        var token = await Staff.TokenAsync(Browser(_a), "/admin/articles/edit", "#article-editor");
        var saved = await Browser(_b).PostAsync("/admin/articles/edit?handler=Save", Staff.Form(token, Editor.Fields("Across machines", "Text.", section)));

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var id = Editor.IdFrom(saved);
        Assert.Equal("Across machines", await _a.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task Twenty_parallel_saves_from_one_version_over_both_instances_give_one_success_and_nineteen_conflicts()
    {
        await SignedInEditorAsync();
        var section = await NewsSectionAsync();
        var id = Editor.IdFrom(await Editor.PostAsync(Browser(_a), null, "Save", Editor.Fields("Race across machines", "Start.", section)));
        var token = await Staff.TokenAsync(Browser(_a), $"/admin/articles/edit/{id}", "#article-editor");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Browser(i % 2 == 0 ? _a : _b).PostAsync(
            $"/admin/articles/edit/{id}?handler=Save", Staff.Form(token, Editor.Fields("Race across machines", $"Writer {i}.", section, version: 1)))));

        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(2, await _b.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync()));
        Assert.Equal(2, await _b.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task Due_articles_are_published_once_each_while_both_instances_run_their_schedulers()
    {
        var editor = await SignedInEditorAsync();
        var section = await NewsSectionAsync();
        var ids = new List<int>();
        foreach (var n in new[] { 1, 2, 3 })
        {
            ids.Add(Editor.IdFrom(await Editor.PostAsync(editor, null, "Publish",
                Editor.Fields($"Embargo {n}", "Text.", section, slug: $"embargo-{n}", publishAt: $"2030-01-0{n}T09:00"))));
        }
        Assert.All(await _a.WithDbAsync(db => db.Articles.Where(a => ids.Contains(a.Id)).Select(a => a.Status).ToListAsync()),
            s => Assert.Equal(PublicationStatus.Scheduled, s));

        // Both instances' clocks pass the embargoes; both schedulers run every 50 ms.
        _a.Clock.Set(new DateTimeOffset(2030, 1, 5, 0, 0, 0, TimeSpan.Zero));
        _b.Clock.Set(new DateTimeOffset(2030, 1, 5, 0, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 200 && await _a.WithDbAsync(db => db.Articles.CountAsync(a => ids.Contains(a.Id) && a.Status == PublicationStatus.Published)) < 3; i++)
        {
            await Task.Delay(50);
        }
        // Further rounds on both instances find nothing more to do.
        await Task.Delay(500);

        var revisions = await _a.WithDbAsync(db => db.ArticleRevisions.Where(r => ids.Contains(r.ArticleId) && r.SavedBy == ScheduledPublishing.Publisher)
            .Select(r => r.ArticleId).ToListAsync());
        var audit = await _a.WithDbAsync(db => db.AuditEntries.Where(e => e.Actor == ScheduledPublishing.Publisher).Select(e => e.Target).ToListAsync());
        Assert.Equal(ids.Order(), revisions.Order());
        Assert.Equal(3, audit.Count);
        Assert.All(await _b.WithDbAsync(db => db.Articles.Where(a => ids.Contains(a.Id)).Select(a => a.Status).ToListAsync()),
            s => Assert.Equal(PublicationStatus.Published, s));
    }

    [Fact]
    public async Task The_sign_in_limit_counts_attempts_on_both_instances_together()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await Staff.SignInAsync(Browser(i % 2 == 0 ? _a : _b), $"nobody{i}@example.org", "wrong password")).StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses[^2..]);
    }

    [Fact]
    public async Task The_donate_counting_cap_counts_one_reader_s_clicks_on_both_instances_together()
    {
        // The default cap is 10 counted clicks a minute per reader: 16 clicks, alternating, count 10 in all.
        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await (i % 2 == 0 ? _a : _b).CreateReader().GetAsync("/donate?from=/news")).StatusCode);
        }

        Assert.Equal(10, await _a.WithDbAsync(db => db.DonationClicks.Where(c => c.SourcePath == "/news").SumAsync(c => c.Count)));
    }

    [Fact]
    public async Task Five_wrong_passwords_spread_over_both_instances_lock_the_account_on_both()
    {
        var email = await Staff.CreateAsync(_a, StaffRoles.Editor);
        for (var i = 0; i < 5; i++)
        {
            await Staff.SignInAsync(Browser(i % 2 == 0 ? _a : _b), email, "wrong password");
        }

        var onA = await Staff.SignInAsync(Browser(_a), email, Staff.Password);
        var onB = await Staff.SignInAsync(Browser(_b), email, Staff.Password);

        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains(SignInService.FailureMessage, await onB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull((await Staff.FindAsync(_b, email))!.LockoutEnd);
    }

    [Fact]
    public async Task A_name_changed_on_one_instance_shows_on_the_other_without_a_restart()
    {
        var email = await Staff.CreateAsync(_a, StaffRoles.Admin);
        await Staff.SignInAsync(Browser(_a), email, Staff.Password);
        async Task SaveSectionAsync(string russian, int? id)
        {
            var handler = id is null ? "Save" : $"Save&id={id}";
            var token = await Staff.TokenAsync(Browser(_a), "/admin/sections", $"form[action*='handler={handler}']");
            var saved = await Browser(_a).PostAsync($"/admin/sections?handler={handler}",
                Staff.Form(token, ("name", "Statelessness"), ("slug", "statelessness"), ("nameIn[ru]", russian)));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        // B's page of the section, read until it shows the heading (at most 5 seconds: the purge log is read every 0.1 s).
        async Task<string> OnBAsync(string heading)
        {
            var html = "";
            for (var i = 0; i < 100 && !html.Contains(heading, StringComparison.Ordinal); i++)
            {
                await Task.Delay(50);
                html = await _b.CreateReader().GetStringAsync("/ru/sections/statelessness");
            }
            return html;
        }
        await SaveSectionAsync("Безгражданство", null);
        var id = await _a.WithDbAsync(db => db.Sections.Where(s => s.Slug == "statelessness").Select(s => s.Id).SingleAsync());
        var before = await OnBAsync("<h1>Безгражданство</h1>");

        await SaveSectionAsync("Безгражданство и гражданство", id);
        var after = await OnBAsync("<h1>Безгражданство и гражданство</h1>");

        Assert.Contains("<h1>Безгражданство</h1>", before, StringComparison.Ordinal);
        Assert.Contains("<h1>Безгражданство и гражданство</h1>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_uploaded_on_one_instance_is_served_by_the_other_and_a_half_written_file_by_neither()
    {
        var editor = await SignedInEditorAsync();
        var token = await Staff.TokenAsync(editor, "/admin/media", "form[enctype='multipart/form-data']");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Images.Png());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(file, "Upload", "shared.png");
        form.Add(new StringContent("A chart"), "Details.AltText");
        form.Add(new StringContent("© UNHCR"), "Details.Credit");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync("/admin/media?handler=Upload", form)).StatusCode);
        var name = await _a.WithDbAsync(db => db.Media.OrderByDescending(m => m.Id).Select(m => m.FileName).FirstAsync());
        // Another upload, caught half-written in the shared folder.
        await File.WriteAllBytesAsync(Path.Combine(_media, "half.png.0badc0de" + Web.Features.Media.MediaStore.PendingSuffix), Images.Png()[..100]);

        var fromA = await _a.CreateReader().GetAsync("/media/" + name);
        var fromB = await _b.CreateReader().GetAsync("/media/" + name);
        var pending = await _b.CreateReader().GetAsync("/media/half.png.0badc0de" + Web.Features.Media.MediaStore.PendingSuffix);
        var unpublished = await _b.CreateReader().GetAsync("/media/half.png");

        Assert.Equal(HttpStatusCode.OK, fromB.StatusCode);
        Assert.Equal(await fromA.Content.ReadAsByteArrayAsync(), await fromB.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, pending.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
    }

    [Fact]
    public void An_instance_starting_leaves_another_instances_upload_in_flight_in_the_shared_folder()
    {
        var inFlight = Path.Combine(_media, "arriving.jpg.12345678" + Web.Features.Media.MediaStore.PendingSuffix);
        File.WriteAllBytes(inFlight, Images.Jpeg(200, 100));

        using var c = _a.AnotherInstance(new Dictionary<string, string?> { ["Portal:MediaPath"] = _media });
        _ = c.Services;

        Assert.True(File.Exists(inFlight), "the third instance's start-up sweep took another instance's upload");
    }
}

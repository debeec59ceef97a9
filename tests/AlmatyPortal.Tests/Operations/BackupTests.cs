using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Operations;

/// <summary>backup, backup --verify and restore through the real entry point, while editors keep saving.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "almaty-backup", Guid.NewGuid().ToString("N"));

    private string BackupFolder => Path.Combine(_root, "backup");
    private string RestoredData => Path.Combine(_root, "restored");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; best effort.
        }
    }

    private static Task<int> RunAsync(params string[] args)
    {
        var entry = typeof(Program).Assembly.EntryPoint!;
        return Task.Run(() => (int)entry.Invoke(null, [args])!);
    }

    private static async Task<int> SectionAsync(PortalFactory portal) =>
        await portal.WithDbAsync(db => db.Sections.Where(s => s.Slug == "news").Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task A_backup_taken_while_an_editor_saves_holds_every_acknowledged_write_and_restores_to_a_working_portal()
    {
        using var portal = new PortalFactory(null);
        var email = await Staff.CreateAsync(portal, StaffRoles.Editor);
        var editor = Staff.Client(portal);
        await Staff.SignInAsync(editor, email, Staff.Password);
        var section = await SectionAsync(portal);
        var acknowledged = new ConcurrentQueue<(int Id, string Slug)>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested && i < 400; i++)
            {
                var slug = $"backup-loop-{i}";
                var response = await Editor.PostAsync(editor, null, "Publish", Editor.Fields($"Backup loop {i}", $"Text {i}.", slug: slug, sectionId: section));
                // Recorded only once the portal said it was saved.
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    acknowledged.Enqueue((Editor.IdFrom(response), slug));
                }
            }
        });
        while (acknowledged.Count < 5 && !writer.IsCompleted)
        {
            await Task.Delay(50);
        }
        var before = acknowledged.ToArray();

        var exit = await RunAsync("backup", BackupFolder, $"--Portal:DataPath={portal.DataPath}");
        while (acknowledged.Count < before.Length + 3 && !writer.IsCompleted)
        {
            await Task.Delay(50);
        }
        await stop.CancelAsync();
        await writer;

        Assert.Equal(0, exit);
        Assert.Equal(0, await RunAsync("backup", "--verify", BackupFolder));
        await using (var copy = new SqliteConnection($"Data Source={Path.Combine(BackupFolder, "portal.db")};Mode=ReadOnly;Pooling=False"))
        {
            await copy.OpenAsync();
            await using var check = copy.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", await check.ExecuteScalarAsync());
            foreach (var (id, _) in before)
            {
                await using var find = copy.CreateCommand();
                find.CommandText = $"SELECT COUNT(*) FROM Articles a JOIN ArticleRevisions r ON r.ArticleId = a.Id WHERE a.Id = {id.ToString(CultureInfo.InvariantCulture)}";
                Assert.True(Convert.ToInt64(await find.ExecuteScalarAsync(), CultureInfo.InvariantCulture) >= 1, $"article {id}, acknowledged before the backup, is missing from it");
            }
        }

        Assert.Equal(0, await RunAsync("restore", BackupFolder, $"--Portal:DataPath={RestoredData}"));
        using var restored = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:DataPath"] = RestoredData });
        var reader = restored.CreateReader();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Seed.ArticleUrl)).StatusCode);
        foreach (var (_, slug) in before)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/news/" + slug)).StatusCode);
        }
        var signIn = await Staff.SignInAsync(Staff.Client(restored), email, Staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/admin", signIn.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Verify_reads_only_the_backup_and_creates_or_migrates_no_database_in_the_data_folder()
    {
        using var portal = new PortalFactory(null);
        await portal.CreateReader().GetAsync("/");
        Assert.Equal(0, await RunAsync("backup", BackupFolder, $"--Portal:DataPath={portal.DataPath}"));
        // A backup server, say, with no portal of its own: verifying a copy there must leave its data folder alone.
        var elsewhere = Path.Combine(_root, "elsewhere");

        Assert.Equal(0, await RunAsync("backup", "--verify", BackupFolder, $"--Portal:DataPath={elsewhere}"));
        Assert.False(File.Exists(Path.Combine(elsewhere, "portal.db")));
    }

    [Fact]
    public async Task Verify_finds_a_damaged_file_and_restore_refuses_the_backup()
    {
        using var portal = new PortalFactory(null);
        await portal.CreateReader().GetAsync("/");
        Assert.Equal(0, await RunAsync("backup", BackupFolder, $"--Portal:DataPath={portal.DataPath}"));
        var media = Directory.GetFiles(Path.Combine(BackupFolder, "media")).First();
        await File.AppendAllTextAsync(media, "damage");

        Assert.Equal(1, await RunAsync("backup", "--verify", BackupFolder));
        Assert.Equal(1, await RunAsync("restore", BackupFolder, $"--Portal:DataPath={RestoredData}"));
        Assert.False(File.Exists(Path.Combine(RestoredData, "portal.db")));
    }

    [Fact]
    public async Task Restore_refuses_a_data_folder_that_already_holds_a_portal()
    {
        using var portal = new PortalFactory(null);
        await portal.CreateReader().GetAsync("/");
        Assert.Equal(0, await RunAsync("backup", BackupFolder, $"--Portal:DataPath={portal.DataPath}"));
        var before = await portal.WithDbAsync(db => db.Articles.CountAsync());

        Assert.Equal(2, await RunAsync("restore", BackupFolder, $"--Portal:DataPath={portal.DataPath}"));
        Assert.Equal(before, await portal.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task A_backup_goes_only_into_an_empty_folder()
    {
        using var portal = new PortalFactory(null);
        await portal.CreateReader().GetAsync("/");
        Directory.CreateDirectory(BackupFolder);
        await File.WriteAllTextAsync(Path.Combine(BackupFolder, "keep.txt"), "someone's file");

        Assert.Equal(2, await RunAsync("backup", BackupFolder, $"--Portal:DataPath={portal.DataPath}"));
        Assert.Equal(["keep.txt"], Directory.GetFiles(BackupFolder).Select(Path.GetFileName));
    }
}

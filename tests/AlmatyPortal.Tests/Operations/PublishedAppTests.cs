using System.Net;
using AlmatyPortal.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AlmatyPortal.Tests.Operations;

/// <summary>The published app started as a service would start it: from any folder, with bad settings, with bad verbs.</summary>
public sealed class PublishedAppTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "almaty-published-data", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
        catch (IOException)
        {
            // Temp folder; best effort.
        }
    }

    [Fact]
    public async Task Started_from_another_folder_the_published_app_serves_its_stylesheet_and_reads_its_own_settings()
    {
        var folder = await PublishedPortal.FolderAsync();
        var settings = await File.ReadAllTextAsync(Path.Combine(folder, "appsettings.json"));
        Assert.Contains("\"DataPath\": \"App_Data\"", settings, StringComparison.Ordinal);

        using var server = await PublishedPortal.StartAsync(_data);
        using var client = server.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
        // appsettings.json turns Microsoft.AspNetCore's information lines off; ignored, "Request starting" lines would show.
        Assert.DoesNotContain("Request starting", server.Output, StringComparison.Ordinal);
        Assert.Contains("UNHCR convenes", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_setting_prints_one_line_naming_it_and_exits_2()
    {
        var result = await PublishedPortal.RunAppAsync(["--urls", $"http://127.0.0.1:{PublishedPortal.FreePort()}", $"--Portal:DataPath={_data}"],
            new Dictionary<string, string> { ["Portal__PageSize"] = "0" });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["Invalid setting: Portal:PageSize must be between 1 and 100 (it is 0)."],
            result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Portal:PageSize", "ten")]
    [InlineData("Search:MergeAt", "25:00")]
    public async Task A_setting_of_the_wrong_kind_prints_one_line_and_exits_2(string setting, string value)
    {
        var result = await PublishedPortal.RunAppAsync([$"--Portal:DataPath={_data}", $"--{setting}={value}"]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Invalid setting: ", line, StringComparison.Ordinal);
        Assert.Contains(setting, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_prints_usage_and_exits_2_without_serving_or_touching_the_data_folder()
    {
        var port = PublishedPortal.FreePort();

        var result = await PublishedPortal.RunAppAsync(["serve-everything", "--urls", $"http://127.0.0.1:{port}", $"--Portal:DataPath={_data}"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown command 'serve-everything'", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_data));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    public async Task Help_prints_every_command_and_exits_0(string help)
    {
        var result = await PublishedPortal.RunAppAsync([help, $"--Portal:DataPath={_data}"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var verb in new[] { "import", "export", "search rebuild", "users add", "backup", "restore", "migrate", "media sweep" })
        {
            Assert.Contains("  " + verb, result.StandardOutput, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(_data));
    }

    [Theory]
    [InlineData("import")]
    [InlineData("backup")]
    [InlineData("users")]
    public async Task A_command_with_help_prints_its_usage_and_does_nothing(string verb)
    {
        var args = verb == "users" ? new[] { "users", "add", "--help" } : [verb, "--help"];

        var result = await PublishedPortal.RunAppAsync([.. args, $"--Portal:DataPath={_data}"]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Usage: AlmatyPortal.Web " + (verb == "users" ? "users add" : verb), result.StandardOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_data));
    }

    [Fact]
    public async Task The_published_portal_turns_sqlite_allocation_statistics_off_before_its_first_connection()
    {
        using var server = await PublishedPortal.StartAsync(_data);

        // The statistics keep one lock for every allocation of every connection; SQLite takes the setting only before
        // its first connection, and the start-up log says whether it was taken.
        Assert.Contains("without allocation statistics", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("was started before the portal could turn its allocation statistics off", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_the_first_start_reaches_now_listening_within_a_screenful_and_logs_no_sql()
    {
        using var server = await PublishedPortal.StartAsync(_data, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });

        var lines = server.Output.Split('\n');
        var listening = Array.FindIndex(lines, l => l.Contains("Now listening on", StringComparison.Ordinal));
        Assert.InRange(listening, 0, 40);
        Assert.DoesNotContain("Executed DbCommand", server.Output, StringComparison.Ordinal);
        Assert.Single(lines, l => l.Contains("Imported content from", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_over_the_limit_through_kestrel_gets_413_not_a_cut_connection()
    {
        using var server = await PublishedPortal.StartAsync(_data, null, "--Portal:MaxUploadBytes=1048576");
        using var client = server.Client();
        using var content = new ByteArrayContent(new byte[8 * 1024 * 1024]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data") { Parameters = { new("boundary", "x") } };

        var response = await client.PostAsync("/admin/media?handler=Upload", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The file is larger than 1 MB.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Admin;

public sealed class StaffAccountTests
{
    [Fact]
    public async Task Start_up_creates_the_configured_first_admin_and_there_is_no_default_account()
    {
        using var configured = new PortalFactory(null, new Dictionary<string, string?> { ["Admin:Email"] = "chief@example.org", ["Admin:Password"] = "a long enough first password" });
        using var plain = new PortalFactory(null);

        var response = await Staff.SignInAsync(Staff.Client(configured), "chief@example.org", "a long enough first password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await plain.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(1, await configured.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public void An_email_without_a_password_stops_start_up()
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Admin:Email"] = "chief@example.org" });

        var error = Record.Exception(() => portal.CreateClient());
        Assert.NotNull(error);
        Assert.Contains("Admin:Email and Admin:Password must be set together", Integration.StartupValidationTests.Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_users_add_command_reads_the_password_from_standard_input()
    {
        var data = Path.Combine(Path.GetTempPath(), "almaty-cli", Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output) = await RunAsync(data, "a command-line password", "users", "add", "--email", "cli@example.org", "--role", "Admin");

            Assert.True(exit == 0, output);
            Assert.Contains("Created Admin cli@example.org.", output, StringComparison.Ordinal);
            Assert.DoesNotContain("a command-line password", output, StringComparison.Ordinal);
            using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:DataPath"] = data });
            var response = await Staff.SignInAsync(Staff.Client(portal), "cli@example.org", "a command-line password");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task The_users_add_command_refuses_a_short_password_or_a_missing_role()
    {
        var data = Path.Combine(Path.GetTempPath(), "almaty-cli", Guid.NewGuid().ToString("N"));
        try
        {
            var (shortExit, shortOutput) = await RunAsync(data, "short", "users", "add", "--email", "cli@example.org", "--role", "Editor");
            var (usageExit, usageOutput) = await RunAsync(data, "a long enough password", "users", "add", "--email", "cli@example.org");

            Assert.Equal(1, shortExit);
            Assert.Contains("at least 12 characters", shortOutput, StringComparison.Ordinal);
            Assert.Equal(2, usageExit);
            Assert.Contains("Usage: users add", usageOutput, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task An_admin_creates_disables_and_resets_an_editor_and_each_change_is_audited()
    {
        using var portal = new PortalFactory(null);
        var admin = await Staff.SignedInAsync(portal, StaffRoles.Admin);
        var token = await Staff.TokenAsync(admin, "/admin/users");

        await admin.PostAsync("/admin/users?handler=Create", Staff.Form(token, ("email", "new.editor@example.org"), ("displayName", "New Editor"), ("role", "Editor"), ("password", "temporary password 1")));
        var editor = Staff.Client(portal);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(editor, "new.editor@example.org", "temporary password 1")).StatusCode);
        var id = (await Staff.FindAsync(portal, "new.editor@example.org"))!.Id;

        await admin.PostAsync($"/admin/users?handler=Disable&id={id}", Staff.Form(token, ("disabled", "true")));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/admin")).StatusCode);
        await admin.PostAsync($"/admin/users?handler=Disable&id={id}", Staff.Form(token, ("disabled", "false")));
        await admin.PostAsync($"/admin/users?handler=Reset&id={id}", Staff.Form(token, ("password", "temporary password 2")));

        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(Staff.Client(portal), "new.editor@example.org", "temporary password 2")).StatusCode);
        var audit = await admin.GetStringAsync("/admin/audit");
        Assert.Contains("created as Editor", audit, StringComparison.Ordinal);
        Assert.Contains("disabled", audit, StringComparison.Ordinal);
        Assert.Contains("password reset by an admin", audit, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string dataPath, string stdin, params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args.Append($"--Portal:DataPath={dataPath}").Append("--Portal:ImportOnStartup=false"))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}

using System.Text;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Content;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// The command-line verbs: import, export, search rebuild, users add, backup, restore, migrate and media sweep, and
/// help. The password of "users add" is read from standard input or a prompt, never from an argument.
/// </summary>
public static partial class PortalCommands
{
    public static async Task<int> RunAsync(WebApplication app, Command command)
    {
        if (command.Verb == "restore")
        {
            // A restore fills an empty data folder; nothing may create a database there first.
            return await Features.Backups.BackupCommands.RestoreAsync(app.Services, command.Path);
        }
        if (command.Verb == "backup" && command.Options.ContainsKey("verify"))
        {
            // A verify reads only the backup (on a backup server there may be no portal at all): it neither creates nor
            // migrates the database of Portal:DataPath.
            return await Features.Backups.BackupCommands.BackupAsync(app.Services, command.Path, verify: true);
        }
        // Migrations and the database come first, exactly as at start-up, but no server is started.
        foreach (var initializer in app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
        {
            await initializer.StartingAsync(CancellationToken.None);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (command.Verb)
        {
            case "import":
            {
                var folder = Folder(services, command.Path);
                // The importer logs each file as it goes, each problem, and the summary once.
                var report = await services.GetRequiredService<ContentImporter>().ImportAsync(folder);
                return report.HasProblems ? 1 : 0;
            }
            case "export":
            {
                var folder = Folder(services, command.Path);
                var written = await services.GetRequiredService<ContentExporter>().ExportAsync(folder);
                await Console.Out.WriteLineAsync($"Exported {written} files to {folder}");
                return 0;
            }
            case "search rebuild":
            {
                var count = await services.GetRequiredService<Features.Search.SearchIndex>().RebuildAsync();
                await Console.Out.WriteLineAsync($"Rebuilt the search index: {count} documents.");
                return 0;
            }
            case "migrate":
                await Console.Out.WriteLineAsync("The database is up to date.");
                return 0;
            case "copy-database":
                return await CopyDatabaseAsync(services, command.Options);
            case "media sweep":
            {
                var minutes = 10;
                if (command.Options.TryGetValue("older-than-minutes", out var given) && (!int.TryParse(given, out minutes) || minutes < 0))
                {
                    await Console.Error.WriteLineAsync($"--older-than-minutes takes a whole number of minutes, 0 or more (it is '{given}').");
                    return UsageError;
                }
                var sweep = await services.GetRequiredService<Features.Media.MediaLibrary>().SweepAsync(TimeSpan.FromMinutes(minutes), CancellationToken.None);
                await Console.Out.WriteLineAsync($"Media sweep: published {sweep.Published} pending files, deleted {sweep.Deleted.Count} files no item names.");
                return 0;
            }
            case "backup":
                return await Features.Backups.BackupCommands.BackupAsync(services, command.Path, command.Options.ContainsKey("verify"));
            default:
                return await AddUserAsync(services, command.Options);
        }
    }

    private static string Folder(IServiceProvider services, string? path) =>
        path is null ? services.GetRequiredService<PortalPaths>().ContentPath : System.IO.Path.GetFullPath(path);

    private static async Task<int> CopyDatabaseAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("to", out var to) || string.IsNullOrWhiteSpace(to))
        {
            await Console.Error.WriteLineAsync(Usage("copy-database"));
            return UsageError;
        }
        try
        {
            var copied = await services.GetRequiredService<DatabaseCopy>().ToPostgreSqlAsync(to, CancellationToken.None);
            await Console.Out.WriteLineAsync($"Copied {copied.Sum(c => c.Rows)} rows of {copied.Count} tables into PostgreSQL: " +
                string.Join(", ", copied.Where(c => c.Rows > 0).Select(c => $"{c.Rows} {c.Table}")) + ".");
            await Console.Out.WriteLineAsync("Next: copy the media folder to Portal:MediaPath, set Portal:Database=PostgreSQL and ConnectionStrings:Portal, and start the portal.");
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or ArgumentException)
        {
            // A wrong password, an unknown host, a database that is not empty: said plainly, and nothing was committed.
            await Console.Error.WriteLineAsync($"copy-database stopped, and nothing was committed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> AddUserAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("role", out var role))
        {
            await Console.Error.WriteLineAsync("Usage: users add --email someone@example.org --role Admin|Editor [--name \"Full Name\"]  (the password is read from standard input)");
            return 2;
        }
        var password = ReadPassword();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("No password was given on standard input.");
            return 2;
        }
        var result = await services.GetRequiredService<StaffAccounts>().CreateAsync(email, role, password, options.GetValueOrDefault("name"));
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("The account was not created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }
        await Console.Out.WriteLineAsync($"Created {role} {email}.");
        return 0;
    }

    // From a pipe, one line; at a terminal, a prompt that does not echo.
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine()?.TrimEnd('\r');
        }
        Console.Error.Write("Password: ");
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
        Console.Error.WriteLine();
        return password.ToString();
    }
}

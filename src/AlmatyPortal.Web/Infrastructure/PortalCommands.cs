using System.Text;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Content;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// The command-line verbs: "import [path]", "export [path]" (without a path, Portal:ContentPath) and
/// "search rebuild", and "users add --email E --role Admin|Editor", which reads the password from standard input or a prompt, never from an argument.
/// </summary>
public static class PortalCommands
{
    /// <summary>A parsed command: the verb, its path or options, and the arguments left for the host.</summary>
    public sealed record Command(string Verb, string? Path, IReadOnlyDictionary<string, string> Options);

    /// <summary>Splits the verb and its own arguments off, leaving the rest for the host (--urls, settings).</summary>
    public static (Command? Command, string[] HostArgs) Parse(string[] args)
    {
        if (args.Length > 0 && args[0] is "import" or "export")
        {
            var path = args.Length > 1 && !args[1].StartsWith('-') ? args[1] : null;
            return (new Command(args[0], path, new Dictionary<string, string>()), args.Skip(path is null ? 1 : 2).ToArray());
        }
        if (args.Length > 1 && args[0] == "search" && args[1] == "rebuild")
        {
            return (new Command("search rebuild", null, new Dictionary<string, string>()), args.Skip(2).ToArray());
        }
        if (args.Length > 1 && args[0] == "users" && args[1] == "add")
        {
            var options = new Dictionary<string, string>();
            var rest = new List<string>();
            for (var i = 2; i < args.Length; i++)
            {
                if (args[i] is "--email" or "--role" or "--name" && i + 1 < args.Length)
                {
                    options[args[i][2..]] = args[++i];
                }
                else
                {
                    rest.Add(args[i]);
                }
            }
            return (new Command("users add", null, options), rest.ToArray());
        }
        return (null, args);
    }

    public static async Task<int> RunAsync(WebApplication app, Command command)
    {
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
                var report = await services.GetRequiredService<ContentImporter>().ImportAsync(folder);
                await Console.Out.WriteLineAsync($"Imported {folder}: {report}");
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
            default:
                return await AddUserAsync(services, command.Options);
        }
    }

    private static string Folder(IServiceProvider services, string? path) =>
        path is null ? services.GetRequiredService<PortalPaths>().ContentPath : System.IO.Path.GetFullPath(path);

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

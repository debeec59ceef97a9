namespace AlmatyPortal.Web.Infrastructure;

/// <summary>The command line read: each verb's usage, and the parse of the arguments into a <see cref="Command"/>.</summary>
public static partial class PortalCommands
{
    public const string Help = "help";
    public const string Unknown = "unknown";
    public const int UsageError = 2;

    /// <summary>A parsed command: the verb, its path or options, and whether it asked for help.</summary>
    public sealed record Command(string Verb, string? Path, IReadOnlyDictionary<string, string> Options, string? Topic = null);

    private static readonly Dictionary<string, string> Usages = new(StringComparer.Ordinal)
    {
        ["import"] = "import [folder]                 import content files (default: Portal:ContentPath); upserts by slug, never deletes",
        ["export"] = "export [folder]                 write the database as content files (default: Portal:ContentPath)",
        ["search rebuild"] = "search rebuild                  rebuild the search index from the articles",
        ["users add"] = "users add --email E --role Admin|Editor [--name \"Full Name\"]\n" +
            "                                create a staff account; the password is read from standard input",
        ["backup"] = "backup <folder>                 online backup of the database, media and keys, with a manifest\n" +
            "backup --verify <folder>        check a backup: checksums, integrity_check, counts, media",
        ["restore"] = "restore <folder>                rebuild an empty Portal:DataPath from a verified backup",
        ["migrate"] = "migrate                         apply database migrations, then exit without serving",
        ["copy-database"] = "copy-database --to \"<PostgreSQL connection string>\"\n" +
            "                                copy this SQLite portal, every row, into an empty PostgreSQL database",
        ["media sweep"] = "media sweep [--older-than-minutes N]\n" +
            "                                publish or delete media files an interrupted upload left (default N: 10)",
    };

    /// <summary>Splits the verb and its own arguments off, leaving the rest for the host (--urls, settings).</summary>
    public static (Command? Command, string[] HostArgs) Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?"))
        {
            return (null, args);
        }
        if (args[0] is "help" or "--help" or "-h" or "-?")
        {
            var topic = args.Length > 1 ? string.Join(' ', args.Skip(1).TakeWhile(a => !a.StartsWith('-'))) : null;
            return (new Command(Help, null, new Dictionary<string, string>(), topic), []);
        }
        var verb = args.Length > 1 && Usages.ContainsKey(args[0] + " " + args[1]) ? args[0] + " " + args[1] : args[0];
        if (!Usages.ContainsKey(verb))
        {
            return (new Command(Unknown, null, new Dictionary<string, string>(), args[0]), []);
        }
        var rest = args.Skip(verb.Count(c => c == ' ') + 1).ToList();
        if (rest.Any(a => a is "--help" or "-h" or "-?"))
        {
            return (new Command(Help, null, new Dictionary<string, string>(), verb), []);
        }
        var options = new Dictionary<string, string>();
        var hostArgs = new List<string>();
        string? path = null;
        for (var i = 0; i < rest.Count; i++)
        {
            if (rest[i] is "--email" or "--role" or "--name" or "--older-than-minutes" or "--to" && i + 1 < rest.Count)
            {
                options[rest[i][2..]] = rest[++i];
            }
            else if (rest[i] == "--verify")
            {
                options["verify"] = "true";
            }
            else if (path is null && hostArgs.Count == 0 && !rest[i].StartsWith('-'))
            {
                path = rest[i];
            }
            else
            {
                hostArgs.Add(rest[i]);
            }
        }
        return (new Command(verb, path, options), hostArgs.ToArray());
    }

    /// <summary>Prints the usage (of one verb, or of all) and returns 0 for help, 2 for an unknown verb.</summary>
    public static int PrintUsage(Command command)
    {
        if (command.Verb == Unknown)
        {
            Console.Error.WriteLine($"Unknown command '{command.Topic}'.");
            Console.Error.WriteLine(Usage(null));
            return UsageError;
        }
        Console.Out.WriteLine(Usage(command.Topic is not null && Usages.ContainsKey(command.Topic) ? command.Topic : null));
        return 0;
    }

    public static string Usage(string? verb)
    {
        const string Program = "AlmatyPortal.Web";
        if (verb is not null)
        {
            return $"Usage: {Program} {Usages[verb]}\n\nSettings may follow, as on start-up: --Portal:DataPath=/srv/portal";
        }
        return $"""
            Usage: {Program} [command] [settings]

            Without a command the portal serves the web site (--urls http://127.0.0.1:8080 chooses the address).

            Commands:
              {string.Join("\n  ", Usages.Values.Select(u => u.Replace("\n", "\n  ", StringComparison.Ordinal)))}
              help [command]                  this text, or one command's

            Settings come from appsettings.json, environment variables (Portal__DataPath=/srv/portal) or the command
            line (--Portal:DataPath=/srv/portal); the README lists them.
            """;
    }
}

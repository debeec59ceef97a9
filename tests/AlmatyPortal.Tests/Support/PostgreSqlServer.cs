using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AlmatyPortal.Tests.Support;

/// <summary>
/// The real PostgreSQL the provider-neutral tests also run on: the server ALMATY_TEST_POSTGRES names (a connection
/// string with rights to create databases), else one this test run starts from Debian's package (initdb and pg_ctl
/// under /usr/lib/postgresql/*/bin, as the postgres user, in a temporary folder on a free loopback port) and stops
/// when it ends. Each portal gets a database of its own, dropped with it.
/// </summary>
public static class PostgreSqlServer
{
    private static readonly Lazy<string> Admin = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A new empty database; its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = "almaty_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(Admin.Value) { Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;
    }

    /// <summary>Drops a database <see cref="CreateDatabase"/> made, closing whatever still uses it.</summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Admin.Value);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable("ALMATY_TEST_POSTGRES") is { Length: > 0 } given)
        {
            return given;
        }
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                "The PostgreSQL tests need a server: install Debian's postgresql package (apt-get install -y postgresql), or set ALMATY_TEST_POSTGRES to a connection string.");
        }
        var asRoot = Environment.UserName == "root";
        StopAbandoned(bin, asRoot);
        var folder = Path.Combine(Path.GetTempPath(), "almaty-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        // Whose server this is: a later run stops it if this test process died without stopping it.
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user the package created.
            Run("chown", ["postgres:postgres", folder], asRoot: false);
        }
        var data = Path.Combine(folder, "data");
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C.UTF-8"], asRoot);
        var port = FreePort();
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asRoot);
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // The temp cleaner gets what is left.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private const string OwnerFile = "owner.pid";

    /// <summary>
    /// The test host is not always given the chance to run its exit handlers: servers earlier runs started, whose test
    /// process is gone, are stopped and their folders removed.
    /// </summary>
    private static void StopAbandoned(string bin, bool asRoot)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "almaty-pg-*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            var abandoned = File.Exists(owner)
                ? int.TryParse(File.ReadAllText(owner), out var pid) && !Directory.Exists($"/proc/{pid}")
                // A folder that names no owner is older than owners are: left over if it is more than an hour old.
                : Directory.GetCreationTimeUtc(folder) < DateTime.UtcNow.AddHours(-1);
            if (!abandoned)
            {
                continue;
            }
            try
            {
                if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
                {
                    Run(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "stop"], asRoot);
                }
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // In use, or already gone; a later run tries again.
            }
        }
    }

    private static void Run(string file, string[] args, bool asRoot)
    {
        var start = new ProcessStartInfo(asRoot ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asRoot)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

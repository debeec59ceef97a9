using AlmatyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Support;

/// <summary>
/// The portal over a real SQLite file in a fresh temporary folder, importing content/ (or a given folder) at start-up,
/// exactly as a fresh clone does.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new();

    public PortalFactory(string? contentPath, IDictionary<string, string?>? settings = null, PortalDatabase database = PortalDatabase.Sqlite)
    {
        Database = database;
        DataPath = Path.Combine(Path.GetTempPath(), "almaty-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        ContentPath = contentPath ?? RepositoryContent;
        _settings["Portal:DataPath"] = DataPath;
        _settings["Portal:ContentPath"] = ContentPath;
        if (database == PortalDatabase.PostgreSql)
        {
            PostgreSqlConnection = PostgreSqlServer.CreateDatabase();
            _settings["Portal:Database"] = "PostgreSQL";
            _settings["ConnectionStrings:Portal"] = PostgreSqlConnection;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The engine under this portal: SQLite in DataPath, or a database of its own on the test PostgreSQL server.</summary>
    public PortalDatabase Database { get; }

    /// <summary>The connection string of this portal's PostgreSQL database, when it has one.</summary>
    public string? PostgreSqlConnection { get; }

    /// <summary>Another instance on this portal's PostgreSQL database (as another machine would be), with these settings.</summary>
    public PortalFactory AnotherInstance(IDictionary<string, string?>? settings = null) =>
        new(null, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Portal:Database"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = PostgreSqlConnection ?? throw new InvalidOperationException("this portal is not on PostgreSQL"),
        });

    public static string RepositoryContent =>
        PortalPaths.FindRepositoryContent(AppContext.BaseDirectory) ?? throw new InvalidOperationException("content/ not found");

    public string DataPath { get; }
    public string ContentPath { get; }
    public TestClock Clock { get; } = new();

    /// <summary>A clock whose timers the test drives too (a FakeTimeProvider), in place of <see cref="Clock"/>.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Leave DataPath in place on dispose, for a test that starts another portal on the same data.</summary>
    public bool KeepData { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Time ?? Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddress>();
        });
    }

    public HttpClient CreateReader() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Runs work against the portal's own services and database.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<PortalDbContext, Task> work) =>
        WithServicesAsync(async sp => { await work(sp.GetRequiredService<PortalDbContext>()); return true; });

    public Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work) =>
        WithServicesAsync(sp => work(sp.GetRequiredService<PortalDbContext>()));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (KeepData || Environment.GetEnvironmentVariable("PORTAL_KEEP_TEST_DATA") == "1")
        {
            // For debugging a failure: the database and logs stay in DataPath.
            return;
        }
        if (PostgreSqlConnection is not null)
        {
            PostgreSqlServer.DropDatabase(PostgreSqlConnection);
        }
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be held open by a sink flushing on another thread; the OS temp cleaner gets it.
        }
    }
}

/// <summary>TestServer requests carry no client address; this gives them the documentation address 203.0.113.7, as Kestrel would give a real one.</summary>
internal sealed class ClientAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public static readonly System.Net.IPAddress Address = System.Net.IPAddress.Parse("203.0.113.7");

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(nextMiddleware => context =>
        {
            context.Connection.RemoteIpAddress ??= Address;
            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>The database engine a test portal runs on.</summary>
public enum PortalDatabase
{
    Sqlite,
    PostgreSql,
}

/// <summary>The portal on the repository's own content/, for tests that share one instance.</summary>
public class SeededPortal : PortalFactory
{
    public SeededPortal() : base(null)
    {
    }

    protected SeededPortal(PortalDatabase database) : base(null, database: database)
    {
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgreSqlSeededPortal() : SeededPortal(PortalDatabase.PostgreSql);

/// <summary>A clock the tests set; starts at the real time.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _now;

    public void Set(DateTimeOffset now) => _now = now;

    /// <summary>Back to the real time, for a test that froze a shared portal's clock.</summary>
    public void Reset() => _now = null;

    public override DateTimeOffset GetUtcNow() => _now ?? DateTimeOffset.UtcNow;
}

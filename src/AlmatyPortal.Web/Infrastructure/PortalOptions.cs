
namespace AlmatyPortal.Web.Infrastructure;

/// <summary>Where the portal keeps its data and finds its content; bound from the "Portal" section.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>The name readers see in the header and page titles.</summary>
    public string SiteName { get; set; } = "UNHCR Central Asia";

    /// <summary>The site's public address (https://www.example.org), for canonical links, feeds and sitemaps; empty means the request's own.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The database engine: <see cref="Sqlite"/> (the default, a file in <see cref="DataPath"/>) or
    /// <see cref="PostgreSQL"/> (ConnectionStrings:Portal names the server), for several instances on one database.
    /// </summary>
    public string Database { get; set; } = Sqlite;

    public const string Sqlite = "Sqlite";
    public const string PostgreSQL = "PostgreSQL";

    /// <summary>Whether <see cref="Database"/> names PostgreSQL (in any letter case).</summary>
    public bool UsesPostgreSQL => string.Equals(Database, PostgreSQL, StringComparison.OrdinalIgnoreCase);

    /// <summary>Folder for the database, uploaded media and logs; relative paths are taken from the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    /// <summary>
    /// Folder for uploaded media; empty means media/ in <see cref="DataPath"/>. Several instances point it at one shared
    /// folder (an NFS or SMB mount).
    /// </summary>
    public string? MediaPath { get; set; }

    /// <summary>The content folder to import; empty means the repository's content/ when run from the source tree.</summary>
    public string? ContentPath { get; set; }

    /// <summary>Import content/ when the portal starts on an empty database.</summary>
    public bool ImportOnStartup { get; set; } = true;

    /// <summary>Articles per page on lists.</summary>
    public int PageSize { get; set; } = 10;

    /// <summary>How often scheduled articles are checked and published, in seconds.</summary>
    public double SchedulerIntervalSeconds { get; set; } = 30;

    /// <summary>The largest file staff may upload, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>The largest image staff may upload, in pixels (width × height).</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>The office's time zone: publish dates are shown, and "today" is counted, in it.</summary>
    public string TimeZone { get; set; } = "Asia/Almaty";

    /// <summary>
    /// Pages per sitemap file; past it /sitemap.xml becomes a sitemap index (the protocol allows 50,000; 2,000, as
    /// WordPress uses, builds a file in under 50 ms at 100,000 articles, where 10,000 took 160-200 ms).
    /// </summary>
    public int SitemapUrlsPerFile { get; set; } = 2_000;

    /// <summary>
    /// Addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed, separated by ';' or ','
    /// (e.g. "127.0.0.1" for nginx on the same machine). Empty: no forwarded header is believed.
    /// </summary>
    public string? KnownProxies { get; set; }

    /// <summary>Networks of trusted proxies in CIDR form ("10.0.0.0/24"), separated by ';' or ','.</summary>
    public string? KnownNetworks { get; set; }

    public static IEnumerable<string> ListOf(string? value) =>
        (value ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class PortalOptionsValidator(IConfiguration configuration) : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        var failures = new List<string>();
        if (!string.Equals(options.Database, PortalOptions.Sqlite, StringComparison.OrdinalIgnoreCase) && !options.UsesPostgreSQL)
        {
            failures.Add($"Portal:Database must be Sqlite or PostgreSQL (it is '{options.Database}').");
        }
        if (options.UsesPostgreSQL && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Portal")))
        {
            failures.Add("ConnectionStrings:Portal must name the PostgreSQL server when Portal:Database is PostgreSQL (Host=…;Database=…;Username=…;Password=…).");
        }
        if (string.IsNullOrWhiteSpace(options.DataPath))
        {
            failures.Add("Portal:DataPath must name a folder for the database, media and logs.");
        }
        if (string.IsNullOrWhiteSpace(options.SiteName))
        {
            failures.Add("Portal:SiteName must not be empty.");
        }
        if (!string.IsNullOrWhiteSpace(options.PublicUrl) && !WebAddress.IsHttp(options.PublicUrl))
        {
            failures.Add($"Portal:PublicUrl must be an absolute http(s) address (it is '{options.PublicUrl}').");
        }
        if (options.PageSize is < 1 or > 100)
        {
            failures.Add($"Portal:PageSize must be between 1 and 100 (it is {options.PageSize}).");
        }
        if (options.SchedulerIntervalSeconds is < 0.05 or > 3600)
        {
            failures.Add($"Portal:SchedulerIntervalSeconds must be between 0.05 and 3600 (it is {options.SchedulerIntervalSeconds}).");
        }
        if (options.MaxUploadBytes is < 1024 or > 200L * 1024 * 1024)
        {
            failures.Add($"Portal:MaxUploadBytes must be between 1 KB and 200 MB (it is {options.MaxUploadBytes}).");
        }
        if (options.MaxImagePixels is < 1 or > 200_000_000)
        {
            failures.Add($"Portal:MaxImagePixels must be between 1 and 200,000,000 (it is {options.MaxImagePixels}).");
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
        {
            failures.Add($"Portal:TimeZone '{options.TimeZone}' is not a time zone this machine knows (try 'Asia/Almaty' or 'UTC').");
        }
        if (options.SitemapUrlsPerFile is < 10 or > 50_000)
        {
            failures.Add($"Portal:SitemapUrlsPerFile must be between 10 and 50000 (it is {options.SitemapUrlsPerFile}).");
        }
        foreach (var proxy in PortalOptions.ListOf(options.KnownProxies).Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            failures.Add($"Portal:KnownProxies: '{proxy}' is not an IP address (give addresses such as 127.0.0.1, separated by ';').");
        }
        foreach (var network in PortalOptions.ListOf(options.KnownNetworks).Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            failures.Add($"Portal:KnownNetworks: '{network}' is not a network in CIDR form (such as 10.0.0.0/24).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

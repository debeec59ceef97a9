using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Audit;
using AlmatyPortal.Web.Features.Backups;
using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.Content;
using AlmatyPortal.Web.Features.Donations;
using AlmatyPortal.Web.Features.Insight;
using AlmatyPortal.Web.Features.Processes;
using AlmatyPortal.Web.Features.ReadApi;
using AlmatyPortal.Web.Features.Articles;
using AlmatyPortal.Web.Features.Feeds;
using AlmatyPortal.Web.Features.Markdown;
using AlmatyPortal.Web.Features.Media;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.Organisations;
using AlmatyPortal.Web.Features.PageCache;
using AlmatyPortal.Web.Features.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.WebEncoders;
using Serilog;
using Serilog.Formatting.Compact;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>Registers everything the portal needs; Program.cs calls this and little else.</summary>
public static class PortalServices
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalOptions>, PortalOptionsValidator>();
        services.AddDonations();
        services.AddPageCache(builder.Configuration.GetConnectionString("Redis"));

        var portal = builder.Configuration.GetSection(PortalOptions.SectionName).Get<PortalOptions>() ?? new PortalOptions();
        var paths = new PortalPaths(Options.Create(portal), builder.Environment);
        services.AddSingleton(paths);

        builder.AddPortalLogging(paths);
        builder.AddPortalDatabase(portal, paths);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<OfficeClock>();
        services.AddSingleton<SiteLinks>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddScoped<DatabaseCopy>();
        // Each feature registers its own services; the order of the hosted services is the order they start in.
        services.AddMedia().AddBackups().AddContent().AddNews().AddOrganisations().AddFeeds().AddSearch().AddConferences().AddProcesses().AddArticles().AddReadApi().AddInsight();
        services.AddScoped<Areas.Admin.Pages.Dashboard>();
        // Keys live with the data, so every instance can read the others' cookies and antiforgery tokens: beside the
        // SQLite file, or in the PostgreSQL database that all instances share.
        var protection = services.AddDataProtection().SetApplicationName("AlmatyPortal");
        if (portal.UsesPostgreSQL)
        {
            protection.PersistKeysToDbContext<PortalDbContext>();
        }
        else
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(paths.KeysPath));
        }
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddScoped<ClientWindows>();

        services.AddPortalAccounts();
        services.AddScoped<AuditLog>();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Pages and services ask one localizer for interface text and reference names alike.
        services.AddSingleton<Features.Names.NameBook>();
        services.AddHostedService<Features.Names.NameBookRefresh>();
        services.AddSingleton<Features.PageCache.IOtherProcessChanges, Features.Names.NameBookFollower>();
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>, Infrastructure.Localization.NamedLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture(Cultures.For(Languages.Default));
            o.SupportedCultures = Cultures.All.ToList();
            o.SupportedUICultures = Cultures.All.ToList();
            // The URL alone decides; no cookie, no Accept-Language.
            o.RequestCultureProviders = [new PathCultureProvider()];
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.Add(new CulturePrefixConvention());
            o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            // One folder convention guards the whole admin area; user management, the audit log and the settings are for admins.
            o.Conventions.AuthorizeAreaFolder("Admin", "/", StaffRoles.StaffPolicy);
            o.Conventions.AuthorizeAreaFolder("Admin", "/Users", StaffRoles.AdminPolicy);
            o.Conventions.AuthorizeAreaFolder("Admin", "/Audit", StaffRoles.AdminPolicy);
            o.Conventions.AuthorizeAreaFolder("Admin", "/Settings", StaffRoles.AdminPolicy);
        })
        .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
        // The portal has no controllers: without this, every start searches every type of the portal for them.
        .ConfigureApplicationPartManager(m => m.FeatureProviders.Remove(m.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider>().Single()));
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new AntiforgeryRejectionLog()));
        // The antiforgery cookie is Secure whenever the request came over https (directly or through a known proxy).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddPortalHostFiltering(portal);
        services.AddPortalForwardedHeaders(portal);
        services.AddScoped<Pages.PageHeads>();
        services.AddLocalizedMessages();
        services.AddRouting(o => { o.LowercaseUrls = true; o.AppendTrailingSlash = false; });
        // Razor would otherwise write every Cyrillic letter and typographic dash as an entity.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.LatinExtendedA, UnicodeRanges.Cyrillic,
            UnicodeRanges.CyrillicSupplement, UnicodeRanges.GeneralPunctuation, UnicodeRanges.CurrencySymbols, UnicodeRanges.LetterlikeSymbols));
        services.AddResponseCompression(o => o.EnableForHttps = true);
        return builder;
    }

    private static void AddPortalDatabase(this WebApplicationBuilder builder, PortalOptions portal, PortalPaths paths)
    {
        var connectionString = builder.Configuration.GetConnectionString("Portal");
        if (portal.UsesPostgreSQL)
        {
            builder.Services.AddDbContextPool<PortalDbContext, PostgreSqlPortalDbContext>((services, o) => o
                .UseNpgsql(PostgreSqlStatements.Prepared(connectionString!), npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .UseModel(CompiledModels.PostgreSql.PostgreSqlPortalDbContextModel.Instance)
                .UsePortalInterceptors(services));
            return;
        }
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = $"Data Source={Path.Combine(paths.DataPath, "portal.db")}";
        }
        SqliteEngine.Configure();
        builder.Services.AddSingleton(_ => new SqliteConnections(connectionString));
        builder.Services.AddScoped<SqliteConnections.Lease>();
        builder.Services.AddPooledDbContextFactory<PortalDbContext>((services, o) => o
            .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseModel(CompiledModels.Sqlite.PortalDbContextModel.Instance)
            .AddInterceptors(new SqliteDurability(), new SqliteStatements())
            .UsePortalInterceptors(services));
        // A scope's context runs on the scope's own connection, which stays open and keeps its compiled statements. Take a
        // context only from a scope: one taken from the factory directly would still hold the connection of its last scope.
        builder.Services.AddScoped(services =>
        {
            var lease = services.GetRequiredService<SqliteConnections.Lease>();
            var db = services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
            db.Database.SetDbConnection(lease.Connection, contextOwnsConnection: false);
            return db;
        });
    }

    /// <summary>What every provider shares: the interceptors that keep search, archive counts and cached pages in step, and the log levels.</summary>
    private static DbContextOptionsBuilder UsePortalInterceptors(this DbContextOptionsBuilder o, IServiceProvider services) => o
        .AddInterceptors(new Features.Search.SearchIndexing(), services.GetRequiredService<Features.News.ArchiveCounting>(),
            services.GetRequiredService<Features.PageCache.PagePurge>())
        // A failed command or save is either handled (a save conflict, a taken slug: the editor logs one line) or
        // rethrown and logged once, with its stack trace, where it surfaces; EF's own Error lines would repeat it.
        .ConfigureWarnings(w => w.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.OptimisticConcurrencyException, LogLevel.Debug)));

    private static void AddPortalLogging(this WebApplicationBuilder builder, PortalPaths paths)
    {
        builder.Services.AddSerilog((services, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            // An invalid setting is told once, in one plain line, by PortalStartup; the host's report of it would
            // repeat it with a stack trace.
            .Filter.ByExcluding(e => e.Exception is OptionsValidationException
                || e.Exception is AggregateException a && a.InnerExceptions.All(i => i is OptionsValidationException))
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(new CompactJsonFormatter(), Path.Combine(paths.LogsPath, "portal-.json"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31),
            // Each host keeps its own logger rather than replacing the static Log.Logger, so hosts side by side
            // (tests, commands) never write into each other's files.
            preserveStaticLogger: true);
    }
}

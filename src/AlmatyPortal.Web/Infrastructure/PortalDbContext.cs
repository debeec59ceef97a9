using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.Audit;
using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.Donations;
using AlmatyPortal.Web.Features.Articles;
using AlmatyPortal.Web.Features.Media;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.Organisations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// The portal's one database: news, conference records, processes, media, donate counts, staff accounts and the audit log. This
/// type is the SQLite database and owns its migrations; <see cref="PostgreSqlPortalDbContext"/> is the same model on
/// PostgreSQL with migrations of its own, as EF Core keeps one set of migrations per provider.
/// </summary>
public class PortalDbContext : IdentityDbContext<StaffUser>, IDataProtectionKeyContext
{
    public PortalDbContext(DbContextOptions<PortalDbContext> options) : base(options)
    {
    }

    protected PortalDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>
    /// Whether this is the PostgreSQL database, for the few reads written per provider. A type test: EF's
    /// <c>Database.IsNpgsql()</c> compares provider assembly names, and <c>Assembly.GetName</c> allocated on every uncached article.
    /// </summary>
    public bool OnPostgreSql => this is PostgreSqlPortalDbContext;

    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<MediaAsset> Media => Set<MediaAsset>();
    public DbSet<Conference> Conferences => Set<Conference>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Features.Names.NameTranslation> NameTranslations => Set<Features.Names.NameTranslation>();
    public DbSet<DonationClick> DonationClicks => Set<DonationClick>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Features.Search.SearchDocument> SearchDocuments => Set<Features.Search.SearchDocument>();
    public DbSet<Features.Processes.Process> Processes => Set<Features.Processes.Process>();

    /// <summary>The data-protection keys, when the portal runs on PostgreSQL: every instance reads the same ones.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite keeps no kind, so it is restored on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

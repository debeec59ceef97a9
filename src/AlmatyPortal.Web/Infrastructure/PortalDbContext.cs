using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.Donations;
using AlmatyPortal.Web.Features.Media;
using AlmatyPortal.Web.Features.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>The portal's one database: news, conference records, media and donate counts.</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<MediaAsset> Media => Set<MediaAsset>();
    public DbSet<Conference> Conferences => Set<Conference>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<DonationClick> DonationClicks => Set<DonationClick>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite keeps no kind, so it is restored on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

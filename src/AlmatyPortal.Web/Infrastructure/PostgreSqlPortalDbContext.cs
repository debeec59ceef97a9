using Microsoft.EntityFrameworkCore.Design;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// The portal's model on PostgreSQL. Services ask for <see cref="PortalDbContext"/> and get this when
/// Portal:Database is PostgreSQL; its own migrations (Infrastructure/Migrations/PostgreSql) are applied at start-up.
/// </summary>
/// <remarks>
/// Every DateTime is UTC (the model's converter gives each one Kind=Utc on the way in and out), so it is kept as
/// "timestamp with time zone", Npgsql's own mapping.
/// </remarks>
public sealed class PostgreSqlPortalDbContext(DbContextOptions<PostgreSqlPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        Features.News.ArticleConfiguration.ConfigurePostgreSql(builder.Entity<Features.News.Article>());
        Features.Search.SearchDocumentConfiguration.ConfigurePostgreSql(builder.Entity<Features.Search.SearchDocument>());
    }
}

/// <summary>For `dotnet ef migrations add … --context PostgreSqlPortalDbContext`: no server is contacted.</summary>
internal sealed class PostgreSqlPortalDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlPortalDbContext>
{
    public PostgreSqlPortalDbContext CreateDbContext(string[] args)
    {
        return new PostgreSqlPortalDbContext(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>()
            .UseNpgsql("Host=localhost;Database=almaty_design").Options);
    }
}

/// <summary>
/// For `dotnet ef migrations add … --context PortalDbContext`: the SQLite model. Without it the tools would build the
/// context from the PostgreSQL factory above, as that context is a PortalDbContext too.
/// </summary>
internal sealed class SqlitePortalDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=design.db").Options);
}

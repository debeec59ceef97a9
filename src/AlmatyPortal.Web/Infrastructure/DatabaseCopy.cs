using System.Reflection;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// Moves an office from SQLite to PostgreSQL: copies every row of every table of the portal's SQLite database, as one
/// consistent snapshot, into an empty PostgreSQL database migrated to the same model, keeping every id. Articles keep
/// their revisions, staff keep their password hashes and roles, and the audit log, donate counts, translations, media
/// rows and search documents come across as they are; the data-protection keys move from their files into the
/// database, so staff stay signed in. The per-tag counts are rebuilt by PostgreSQL's own triggers as the links arrive.
/// </summary>
public sealed class DatabaseCopy(PortalDbContext source, PortalPaths paths, ILogger<DatabaseCopy> logger)
{
    private const int Batch = 1000;

    public sealed record Copied(string Table, int Rows);

    /// <summary>Copies into the empty PostgreSQL database <paramref name="connectionString"/> names; the tables and row counts copied.</summary>
    public async Task<IReadOnlyList<Copied>> ToPostgreSqlAsync(string connectionString, CancellationToken ct)
    {
        if (!source.Database.IsSqlite())
        {
            throw new InvalidOperationException("This portal is already on PostgreSQL: copy-database copies a SQLite portal.");
        }
        await using var target = new PostgreSqlPortalDbContext(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>()
            .UseNpgsql(connectionString).Options);
        await target.Database.MigrateAsync(ct);
        if (await target.Sections.AnyAsync(ct) || await target.Articles.AnyAsync(ct) || await target.Users.AnyAsync(ct) || await target.Conferences.AnyAsync(ct))
        {
            throw new InvalidOperationException("The PostgreSQL database is not empty: copy-database fills a new, empty database, so nothing there is overwritten.");
        }
        target.ChangeTracker.AutoDetectChangesEnabled = false;
        // One read transaction: every table is read from the same snapshot, whatever the running portal writes meanwhile.
        await using var read = await source.Database.BeginTransactionAsync(ct);
        await using var write = await target.Database.BeginTransactionAsync(ct);
        var copied = new List<Copied>();
        foreach (var type in InDependencyOrder(target.Model))
        {
            var table = type.GetTableName()!;
            if (table == Features.News.TagLanguageSql.Table)
            {
                // Kept by the target's triggers as the article-tag links are inserted.
                continue;
            }
            var rows = type.ClrType == typeof(DataProtectionKey)
                ? await CopyKeysAsync(target, ct)
                : await (Task<int>)CopyMethod.MakeGenericMethod(type.ClrType).Invoke(null, [source, target, type, ct])!;
            copied.Add(new Copied(table, rows));
            logger.LogInformation("Copied {Rows} rows of {Table}", rows, table);
        }
        await ResetIdentitiesAsync(target, ct);
        await write.CommitAsync(ct);
        return copied;
    }

    private static readonly MethodInfo CopyMethod = typeof(DatabaseCopy).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static async Task<int> CopyTableAsync<T>(PortalDbContext source, PortalDbContext target, IEntityType type, CancellationToken ct)
        where T : class
    {
        var from = type.HasSharedClrType ? source.Set<T>(type.Name) : source.Set<T>();
        var to = type.HasSharedClrType ? target.Set<T>(type.Name) : target.Set<T>();
        var rows = await from.AsNoTracking().ToListAsync(ct);
        foreach (var batch in ParentsFirst(rows, type).Chunk(Batch))
        {
            to.AddRange(batch);
            await target.SaveChangesAsync(ct);
            target.ChangeTracker.Clear();
        }
        return rows.Count;
    }

    /// <summary>A table that refers to itself (a section's parent) is inserted parents first.</summary>
    private static List<T> ParentsFirst<T>(List<T> rows, IEntityType type) where T : class
    {
        var self = type.GetForeignKeys().FirstOrDefault(k => k.PrincipalEntityType == type && k.Properties.Count == 1);
        if (self is null || type.FindPrimaryKey()?.Properties is not [var key])
        {
            return rows;
        }
        var parentOf = self.Properties[0].PropertyInfo!;
        var idOf = key.PropertyInfo!;
        var placed = new HashSet<object>();
        var ordered = new List<T>();
        var left = rows;
        while (left.Count > 0)
        {
            var ready = left.Where(r => parentOf.GetValue(r) is not { } parent || placed.Contains(parent)).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"{type.GetTableName()} has rows whose parents form a loop.");
            }
            ready.ForEach(r => placed.Add(idOf.GetValue(r)!));
            ordered.AddRange(ready);
            left = left.Except(ready).ToList();
        }
        return ordered;
    }

    /// <summary>The key files of the SQLite portal, as rows: on PostgreSQL every instance reads the keys from the database.</summary>
    private async Task<int> CopyKeysAsync(PortalDbContext target, CancellationToken ct)
    {
        var files = Directory.Exists(paths.KeysPath) ? Directory.GetFiles(paths.KeysPath, "*.xml") : [];
        foreach (var file in files)
        {
            var xml = XElement.Load(file);
            target.Set<DataProtectionKey>().Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = xml.ToString(SaveOptions.DisableFormatting) });
        }
        await target.SaveChangesAsync(ct);
        target.ChangeTracker.Clear();
        return files.Length;
    }

    /// <summary>Every table after the tables it refers to.</summary>
    private static List<IEntityType> InDependencyOrder(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        while (ordered.Count < types.Count)
        {
            var next = types.Except(ordered).Where(t => t.GetForeignKeys()
                .All(k => k.PrincipalEntityType == t || ordered.Contains(k.PrincipalEntityType))).OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
            if (next.Count == 0)
            {
                throw new InvalidOperationException("The portal's tables refer to each other in a loop.");
            }
            ordered.AddRange(next);
        }
        return ordered;
    }

    /// <summary>Ids were copied as they were: each identity column continues after the largest one.</summary>
    private static async Task ResetIdentitiesAsync(PostgreSqlPortalDbContext target, CancellationToken ct)
    {
        foreach (var type in target.Model.GetEntityTypes().Where(t => t.GetTableName() is not null))
        {
            foreach (var key in type.FindPrimaryKey()?.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType is var c && (c == typeof(int) || c == typeof(long))) ?? [])
            {
                var table = type.GetTableName()!;
                var column = key.GetColumnName();
                // Names from the model only, quoted; no value from outside reaches this text.
                var sql = $"""SELECT setval(pg_get_serial_sequence('"{table}"', '{column}'), COALESCE((SELECT MAX("{column}") FROM "{table}"), 1), (SELECT MAX("{column}") FROM "{table}") IS NOT NULL)""";
                await target.Database.ExecuteSqlRawAsync(sql, ct);
            }
        }
    }
}

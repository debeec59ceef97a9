using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// A read that an uncached reader page runs on every request, written as SQL once per provider and sent as it is through
/// EF's command layer, so it is logged, intercepted (kept compiled on SQLite) and counted like every other command.
/// </summary>
/// <remarks>
/// Only for the article and conference pages, which a crawler walking the archive misses on every request. Through a
/// compiled LINQ query each of their reads cost several times its SQL: on every run EF builds its shaper's delegates
/// again (<c>DynamicMethod.CreateDelegate</c>), and its enumerators and concurrency checks wrap each row. The SQL here is
/// the text EF generated for the same LINQ, standard SQL that both providers run; no reader input is ever part of it, only
/// parameters, named <c>@name</c> in both texts.
/// </remarks>
public sealed class FixedQuery
{
    private readonly string _onSqlite;
    private readonly string _onPostgreSql;
    private readonly (string Name, Type Type)[] _parameters;
    private readonly ConditionalWeakTable<IRelationalTypeMappingSource, IRelationalCommandTemplate> _templates = new();

    public FixedQuery(string sql, params (string Name, Type Type)[] parameters) : this(sql, sql, parameters)
    {
    }

    public FixedQuery(string onSqlite, string onPostgreSql, params (string Name, Type Type)[] parameters)
    {
        _onSqlite = onSqlite;
        _onPostgreSql = onPostgreSql;
        _parameters = parameters;
    }

    /// <summary>Every row the query returns, each read by <paramref name="row"/>; <paramref name="values"/> in the parameters' order.</summary>
    public async Task<List<T>> ListAsync<T>(PortalDbContext db, Func<DbDataReader, T> row, CancellationToken ct, params object[] values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"The query takes {_parameters.Length} values, not {values.Length}.", nameof(values));
        }
        var bound = new Dictionary<string, object?>(_parameters.Length);
        for (var i = 0; i < _parameters.Length; i++)
        {
            bound[_parameters[i].Name] = values[i];
        }
        // A command is rented from the connection and filled from the shared template, as EF runs its own cached queries:
        // a command holds its state while it runs, so one instance cannot serve two requests at once.
        var connection = db.GetService<IRelationalConnection>();
        var command = connection.RentCommand();
        command.PopulateFrom(TemplateFor(db));
        try
        {
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(new RelationalCommandParameterObject(
                connection, bound, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.FromSqlQuery), ct);
            var data = reader.DbDataReader;
            while (await data.ReadAsync(ct))
            {
                rows.Add(row(data));
            }
            return rows;
        }
        finally
        {
            connection.ReturnCommand(command);
        }
    }

    // The command's text and its parameters' type mappings are built once for each EF service provider (one per provider
    // and configuration, known by its type mapping source, a singleton there) and kept as a template, as EF keeps the
    // commands of its own queries. Building them on every run copied the SQL through a string builder into a new string:
    // a fifth of what an uncached Russian article allocated.
    private IRelationalCommandTemplate TemplateFor(PortalDbContext db)
    {
        var mappings = db.GetService<IRelationalTypeMappingSource>();
        if (_templates.TryGetValue(mappings, out var template))
        {
            return template;
        }
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create().Append(db.OnPostgreSql ? _onPostgreSql : _onSqlite);
        foreach (var (name, type) in _parameters)
        {
            builder.AddParameter(name, "@" + name, mappings.FindMapping(type)!, nullable: false);
        }
        template = builder.Build();
        _templates.AddOrUpdate(mappings, template);
        return template;
    }

    /// <summary>The first row, or null when there is none.</summary>
    public async Task<T?> FirstAsync<T>(PortalDbContext db, Func<DbDataReader, T> row, CancellationToken ct, params object[] values) where T : class =>
        (await ListAsync(db, row, ct, values)) is [var first, ..] ? first : null;
}

/// <summary>Reading the columns of a <see cref="FixedQuery"/> the way EF stores them on both providers.</summary>
public static class FixedColumns
{
    public static string? NullableString(this DbDataReader row, int i) => row.IsDBNull(i) ? null : row.GetString(i);

    public static int? NullableInt32(this DbDataReader row, int i) => row.IsDBNull(i) ? null : row.GetInt32(i);

    /// <summary>A moment, stored in UTC (SQLite keeps it as text and returns it unmarked).</summary>
    public static DateTime Utc(this DbDataReader row, int i) => DateTime.SpecifyKind(row.GetDateTime(i), DateTimeKind.Utc);

    public static DateTime? NullableUtc(this DbDataReader row, int i) => row.IsDBNull(i) ? null : row.Utc(i);

    public static DateOnly Date(this DbDataReader row, int i) => row.GetFieldValue<DateOnly>(i);

    public static DateOnly? NullableDate(this DbDataReader row, int i) => row.IsDBNull(i) ? null : row.Date(i);

    /// <summary>An enum, stored by name.</summary>
    public static TEnum Named<TEnum>(this DbDataReader row, int i) where TEnum : struct, Enum => Enum.Parse<TEnum>(row.GetString(i));
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlmatyPortal.Tests.Support;

/// <summary>
/// Counts the SQL commands EF Core runs against one portal's database (its SQLite file, or its PostgreSQL database), for
/// requests only (not background work), while it is alive.
/// </summary>
/// <remarks>
/// EF remembers for a second that nobody listens to its events, in each context, and the portal's contexts are pooled: a
/// listener that came later would miss the commands of that second. So one listener is subscribed for the whole test
/// run, when the test assembly loads, and hands each command to the counters alive at the time.
/// </remarks>
public sealed class QueryCounter : IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly ConcurrentDictionary<QueryCounter, byte> Alive = new();

    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void ListenForTheWholeRun() => DiagnosticListener.AllListeners.Subscribe(new Listener());

    private readonly string _databaseFolder;
    private readonly string? _postgreSqlDatabase;
    private readonly Microsoft.AspNetCore.Http.IHttpContextAccessor _requests;
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentQueue<(string Sql, (string Name, object? Value)[] Parameters)> _executed = new();

    public QueryCounter(PortalFactory portal)
    {
        _databaseFolder = portal.DataPath;
        _postgreSqlDatabase = portal.PostgreSqlConnection is { } connection
            ? (string?)new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection }["Database"] : null;
        _requests = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>(portal.Services);
        Alive[this] = 0;
    }

    public IReadOnlyCollection<string> Commands => _commands;

    /// <summary>Runs after each counted command has started reading, on the request's thread (to change the data mid-request).</summary>
    public Action<string>? AfterCommand { get; init; }

    /// <summary>Each command with its parameter values, to ask SQLite afterwards how it ran them.</summary>
    public IReadOnlyCollection<(string Sql, (string Name, object? Value)[] Parameters)> Executed => _executed;

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
            && (data.Command.Connection?.DataSource?.StartsWith(_databaseFolder, StringComparison.Ordinal) == true
                || (_postgreSqlDatabase is not null && data.Command.Connection?.Database == _postgreSqlDatabase))
            && !data.Command.CommandText.StartsWith("PRAGMA", StringComparison.Ordinal)
            && _requests.HttpContext is not null)
        {
            _commands.Enqueue(data.Command.CommandText);
            _executed.Enqueue((data.Command.CommandText,
                data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray()));
            AfterCommand?.Invoke(data.Command.CommandText);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose() => Alive.TryRemove(this, out _);

    private sealed class Listener : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            foreach (var counter in Alive.Keys)
            {
                counter.OnNext(value);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlmatyPortal.Tests.Support;

/// <summary>Counts the SQL commands EF Core runs against one database file, for requests only (not background work), while it is alive.</summary>
public sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _databaseFolder;
    private readonly Microsoft.AspNetCore.Http.IHttpContextAccessor _requests;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly ConcurrentQueue<(string Sql, (string Name, object? Value)[] Parameters)> _executed = new();

    public QueryCounter(PortalFactory portal)
    {
        _databaseFolder = portal.DataPath;
        _requests = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>(portal.Services);
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public IReadOnlyCollection<string> Commands => _commands;

    /// <summary>Each command with its parameter values, to ask SQLite afterwards how it ran them.</summary>
    public IReadOnlyCollection<(string Sql, (string Name, object? Value)[] Parameters)> Executed => _executed;

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
            && data.Command.Connection?.DataSource?.StartsWith(_databaseFolder, StringComparison.Ordinal) == true
            && !data.Command.CommandText.StartsWith("PRAGMA", StringComparison.Ordinal)
            && _requests.HttpContext is not null)
        {
            _commands.Enqueue(data.Command.CommandText);
            _executed.Enqueue((data.Command.CommandText,
                data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray()));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}

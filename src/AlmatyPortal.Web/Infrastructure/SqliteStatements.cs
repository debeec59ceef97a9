using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// Keeps each SQL text compiled on the connection that ran it, so that a statement is compiled once per connection
/// instead of once per query. EF creates, fills, runs and disposes a command for every query; on a connection from
/// <see cref="SqliteConnections"/> the command it gets is a thin front for the connection's own SqliteCommand of that
/// text, which Microsoft.Data.Sqlite keeps prepared while the connection is open and binds afresh on each run.
/// </summary>
/// <remarks>
/// At most <see cref="MaxPerConnection"/> texts are kept per connection; past that the one used longest ago is
/// finalised. A text already running on the connection (a reader still open) gets a command of its own for that run.
/// Closing the connection finalises them all, and the list is emptied with it.
/// </remarks>
internal sealed class SqliteStatements : DbCommandInterceptor
{
    public const int MaxPerConnection = 64;

    private static readonly ConditionalWeakTable<SqliteConnection, Kept> Connections = [];

    /// <summary>Lets this connection keep its statements (a connection that stays open between queries).</summary>
    public static void Keep(SqliteConnection connection) => Connections.AddOrUpdate(connection, new Kept(connection));

    /// <summary>How many statements this connection keeps compiled now, for tests.</summary>
    public static int KeptCount(SqliteConnection connection) => Connections.TryGetValue(connection, out var kept) ? kept.Count : 0;

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        eventData.Connection is SqliteConnection connection && Connections.TryGetValue(connection, out var kept)
            ? InterceptionResult<DbCommand>.SuppressWithResult(new ReusedCommand(kept))
            : result;

    private sealed class Kept
    {
        private readonly Dictionary<string, Entry> _commands = new(StringComparer.Ordinal);
        private long _clock;

        public Kept(SqliteConnection connection)
        {
            Connection = connection;
            // Closing a connection finalises its commands' statements: forget them with it.
            connection.StateChange += (_, e) =>
            {
                if (e.CurrentState != ConnectionState.Open)
                {
                    lock (_commands)
                    {
                        _commands.Clear();
                    }
                }
            };
        }

        public SqliteConnection Connection { get; }

        public int Count
        {
            get
            {
                lock (_commands)
                {
                    return _commands.Count;
                }
            }
        }

        public SqliteCommand Take(string text)
        {
            lock (_commands)
            {
                if (_commands.TryGetValue(text, out var entry))
                {
                    if (entry.InUse)
                    {
                        return NewCommand(text);
                    }
                    entry.InUse = true;
                    entry.LastUsed = ++_clock;
                    return entry.Command;
                }
                if (_commands.Count >= MaxPerConnection)
                {
                    EvictLeastRecent();
                }
                var command = NewCommand(text);
                _commands[text] = new Entry(command) { InUse = true, LastUsed = ++_clock };
                return command;
            }
        }

        public void Give(SqliteCommand command)
        {
            lock (_commands)
            {
                if (_commands.TryGetValue(command.CommandText, out var entry) && entry.Command == command)
                {
                    command.Parameters.Clear();
                    command.Transaction = null;
                    command.CommandTimeout = Connection.DefaultTimeout;
                    entry.InUse = false;
                    return;
                }
            }
            command.Dispose();
        }

        private SqliteCommand NewCommand(string text)
        {
            var command = Connection.CreateCommand();
            command.CommandText = text;
            return command;
        }

        private void EvictLeastRecent()
        {
            var oldest = _commands.Where(c => !c.Value.InUse).MinBy(c => c.Value.LastUsed);
            if (oldest.Value is { } entry)
            {
                _commands.Remove(oldest.Key);
                entry.Command.Dispose();
            }
        }
    }

    private sealed class Entry(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;
        public bool InUse { get; set; }
        public long LastUsed { get; set; }
    }

    /// <summary>What EF holds for one query: the text picks the kept command, and disposing gives it back.</summary>
    private sealed class ReusedCommand(Kept kept) : DbCommand
    {
        private SqliteCommand? _inner;
        private SqliteTransaction? _transaction;
        private int? _timeout;

        [AllowNull]
        public override string CommandText
        {
            get => _inner?.CommandText ?? string.Empty;
            set
            {
                if (_inner is not null)
                {
                    kept.Give(_inner);
                }
                _inner = kept.Take(value ?? string.Empty);
            }
        }

        public override int CommandTimeout { get => _timeout ?? kept.Connection.DefaultTimeout; set => _timeout = value; }

        public override CommandType CommandType
        {
            get => CommandType.Text;
            set
            {
                if (value != CommandType.Text)
                {
                    throw new ArgumentException("SQLite runs only text commands.", nameof(value));
                }
            }
        }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection
        {
            get => kept.Connection;
            set
            {
                if (value != kept.Connection)
                {
                    throw new InvalidOperationException("A kept statement stays on its own connection.");
                }
            }
        }

        protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

        protected override DbTransaction? DbTransaction { get => _transaction; set => _transaction = (SqliteTransaction?)value; }

        private SqliteCommand Inner => _inner ?? throw new InvalidOperationException("Set the command's text first.");

        public override void Cancel() => _inner?.Cancel();

        public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();

        public override object? ExecuteScalar() => Ready().ExecuteScalar();

        public override void Prepare() => Ready().Prepare();

        protected override DbParameter CreateDbParameter() => new SqliteParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Ready().ExecuteReader(behavior);

        protected override void Dispose(bool disposing)
        {
            if (disposing && _inner is not null)
            {
                kept.Give(_inner);
                _inner = null;
            }
            base.Dispose(disposing);
        }

        private SqliteCommand Ready()
        {
            var inner = Inner;
            inner.Transaction = _transaction;
            inner.CommandTimeout = CommandTimeout;
            return inner;
        }
    }
}

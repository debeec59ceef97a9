using SQLitePCL;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// Process-wide settings of the SQLite library, made once, before its first connection.
/// </summary>
/// <remarks>
/// By default SQLite counts every allocation it makes, under one lock shared by every connection in the process.
/// Compiling a statement allocates hundreds of times, so readers on different threads queued on that lock: on two
/// cores, a cache miss of an article page spent about a quarter of its time waiting there. The portal never reads
/// those counts (they serve only sqlite3_memory_used and a soft heap limit, which it does not set), so it turns them
/// off. SQLite accepts this only before it initialises; if something in the process opened a connection first, the
/// setting is refused and the portal runs as before, and the start-up log says so.
/// </remarks>
internal static class SqliteEngine
{
    private static readonly Lazy<bool> Configured = new(() =>
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK;
    });

    /// <summary>Applies the settings if no connection has been opened yet (once; later calls do nothing).</summary>
    public static void Configure() => _ = Configured.Value;

    /// <summary>Whether SQLite took the setting and runs without allocation counts, for the start-up log.</summary>
    public static bool AllocationStatisticsOff => Configured.IsValueCreated && Configured.Value;

    /// <summary>The SQLite library's version, for the start-up log.</summary>
    public static string Version => raw.sqlite3_libversion().utf8_to_string();
}

using System.Runtime.CompilerServices;

namespace AlmatyPortal.Tests.Support;

/// <summary>Settings for the whole test process, applied before any test or host starts.</summary>
internal static class TestProcess
{
    /// <summary>
    /// Dozens of portal hosts live in this one process, each watching its configuration and web root for changes.
    /// With inotify every watcher holds one of the user's 128 instances, and once they run out every page of the next
    /// host fails; polling watchers hold none. (A real portal is one host and keeps inotify.)
    /// </summary>
    [ModuleInitializer]
    internal static void UsePollingFileWatchers() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AlmatyPortal.Tests.Support;

/// <summary>
/// The portal published: `dotnet publish` once per test run into a temporary folder, then started as real processes
/// (`dotnet AlmatyPortal.Web.dll`) from any working directory, as a service unit starts it. The publish is portable: the
/// self-contained one the README installs takes about 3 minutes, and bench/run.sh publishes and starts that one.
/// </summary>
public static class PublishedPortal
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    /// <summary>The published folder, holding AlmatyPortal.Web.dll, wwwroot/ and appsettings.json.</summary>
    public static Task<string> FolderAsync() => Published.Value;

    private static async Task<string> PublishAsync()
    {
        var repository = Path.GetDirectoryName(PortalFactory.RepositoryContent)!;
        var root = Path.Combine(Path.GetTempPath(), "almaty-published");
        var output = Path.Combine(root, Guid.NewGuid().ToString("N"));
        // A publish is about 500 MB. The test host is not always given the chance to run exit handlers, so each run
        // also removes the publishes that earlier runs left more than an hour ago.
        foreach (var stale in Directory.Exists(root) ? new DirectoryInfo(root).GetDirectories() : [])
        {
            if (stale.CreationTimeUtc < DateTime.UtcNow.AddHours(-1))
            {
                try
                {
                    stale.Delete(recursive: true);
                }
                catch (IOException)
                {
                    // In use by another run; a later run removes it.
                }
            }
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(output, recursive: true);
            }
            catch (IOException)
            {
                // A process still holding a file; the temp cleaner gets it.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        };
        var publish = await RunAsync("dotnet", ["publish", Path.Combine(repository, "src", "AlmatyPortal.Web"), "-c", "Release", "-o", output, "-v", "q", "-nologo"],
            repository, TimeSpan.FromMinutes(8));
        Assert.True(publish.ExitCode == 0, "dotnet publish failed:\n" + publish.Output);
        return output;
    }

    /// <summary>Runs the published app with arguments, from a working directory of its own, and waits for it to exit.</summary>
    public static async Task<ProcessResult> RunAppAsync(string[] args, IDictionary<string, string>? environment = null, string? stdin = null, TimeSpan? timeout = null)
    {
        var folder = await FolderAsync();
        return await RunAsync("dotnet", [Path.Combine(folder, "AlmatyPortal.Web.dll"), .. args], Path.GetTempPath(), timeout ?? TimeSpan.FromMinutes(2), environment, stdin);
    }

    /// <summary>Starts the published app as a server on a free loopback port and waits for /healthz.</summary>
    public static async Task<ServerProcess> StartAsync(string dataPath, IDictionary<string, string>? environment = null, params string[] settings)
    {
        var folder = await FolderAsync();
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var server = new ServerProcess(Start("dotnet",
            [Path.Combine(folder, "AlmatyPortal.Web.dll"), "--urls", url, $"--Portal:DataPath={dataPath}", $"--Portal:ContentPath={PortalFactory.RepositoryContent}", .. settings],
            Path.GetTempPath(), environment), url, port);
        await server.WaitUntilHealthyAsync();
        return server;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static Process Start(string file, IEnumerable<string> args, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // Production unless a test says otherwise; the test runner's own settings must not leak in.
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
    }

    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
        IDictionary<string, string>? environment = null, string? stdin = null)
    {
        using var process = Start(file, args, workingDirectory, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }
        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new ProcessResult(-1, await stdout, await stderr + $"\n(killed after {timeout})");
        }
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>How a process ended and what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;
}

/// <summary>A portal server process on a loopback port; disposing it stops it (or it can be killed outright).</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly StringBuilder _output = new();

    public ServerProcess(Process process, string url, int port)
    {
        Process = process;
        Url = url;
        Port = port;
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }
    public string Url { get; }
    public int Port { get; }

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public HttpClient Client(bool followRedirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true }) { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };

    public async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (Process.HasExited)
            {
                Assert.Fail($"the portal exited with {Process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync(Url + "/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }
            await Task.Delay(250);
        }
        Assert.Fail("the portal did not become healthy:\n" + Output);
    }

    public void Kill() => Process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit(10_000);
        }
        Process.Dispose();
    }
}

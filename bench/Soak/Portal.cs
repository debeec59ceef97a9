using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Soak;

/// <summary>A published portal as a real process on a loopback port, which the harness can start, stop and kill -9.</summary>
public sealed class Portal(string dll, string dataPath, string contentPath) : IDisposable
{
    private Process? _process;

    public int Port { get; } = FreePort();
    public string Url => $"http://127.0.0.1:{Port}";
    public string DataPath => dataPath;

    public async Task StartAsync(params string[] settings)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--urls", Url, $"--Portal:DataPath={dataPath}", $"--Portal:ContentPath={contentPath}", "--Serilog:MinimumLevel:Default=Warning" }.Concat(settings))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("  portal: " + e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await client.GetAsync(Url + "/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new InvalidOperationException("the portal did not start");
    }

    /// <summary>SIGKILL: no shutdown, no flush, exactly what a power cut or the OOM killer does.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
    }

    public static async Task<int> RunCommandAsync(string dll, string dataPath, string stdin, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { dll }.Concat(args).Append($"--Portal:DataPath={dataPath}"))
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            Kill();
        }
        _process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A member of staff over plain http: keeps cookies by hand (the staff cookie is Secure) and finds form tokens.</summary>
public sealed partial class StaffClient : IDisposable
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private readonly HttpClient _http;

    public StaffClient(string url)
    {
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await _http.SendAsync(request);
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = cookie.Split(';')[0].Split('=', 2);
            _cookies[pair[0]] = pair[1];
        }
        return response;
    }

    public async Task<string> TokenAsync(string path, string? forwardedFor = null)
    {
        var response = await SendAsync(HttpMethod.Get, path, null, forwardedFor);
        var html = await response.Content.ReadAsStringAsync();
        return Token().Match(html).Groups[1].Value;
    }

    public async Task<HttpStatusCode> SignInAsync(string email, string password)
    {
        var token = await TokenAsync("/account/login");
        var response = await SendAsync(HttpMethod.Post, "/account/login", Form(token, ("Email", email), ("Password", password)));
        return response.StatusCode;
    }

    public static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)));

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AlmatyPortal.Tests.Support;

/// <summary>Debian's nginx, run in the foreground from a folder of its own with the given http { } content.</summary>
public static class Nginx
{
    /// <summary>Starts nginx with <paramref name="site"/> inside its http block and waits until <paramref name="port"/> answers.</summary>
    public static async Task<Process> StartAsync(string root, int port, string site)
    {
        var config = Path.Combine(root, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            user root;
            worker_processes 1;
            pid {{root}}/nginx.pid;
            error_log {{root}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{root}}/body;
                proxy_temp_path {{root}}/proxy;
                fastcgi_temp_path {{root}}/fastcgi;
                uwsgi_temp_path {{root}}/uwsgi;
                scgi_temp_path {{root}}/scgi;
            {{site}}
            }
            """);
        var nginx = PublishedPortal.Start("/usr/sbin/nginx", ["-c", config, "-p", root], root);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return nginx;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        Assert.Fail("nginx did not start: " + await File.ReadAllTextAsync(Path.Combine(root, "error.log")));
        return nginx;
    }

    /// <summary>Stops it, if it still runs.</summary>
    public static void Stop(Process? nginx)
    {
        if (nginx is { HasExited: false })
        {
            nginx.Kill(entireProcessTree: true);
            nginx.WaitForExit(5000);
        }
    }
}

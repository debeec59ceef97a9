
namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// Builds the host from the right folder, checks every setting before anything starts, and turns a bad setting into
/// one line per problem and exit code 2, instead of stack traces and an abort.
/// </summary>
public static class PortalStartup
{
    public const int BadSettings = 2;

    public static async Task<int> RunAsync(PortalCommands.Command? command, string[] hostArgs,
        Action<WebApplicationBuilder> configure, Action<WebApplication> pipeline)
    {
        WebApplication? app = null;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = ContentRoot(hostArgs) });
            configure(builder);
            app = builder.Build();
            if (command is not null)
            {
                // A command starts no host, so it runs the checks ValidateOnStart would have run.
                app.Services.GetService<IStartupValidator>()?.Validate();
                return await PortalCommands.RunAsync(app, command);
            }
            pipeline(app);
            // The host validates the options as it starts; a failure surfaces here (and is kept out of the log).
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e) when (!UnderTestHost(app))
        {
            return Refuse(e.Failures);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException) && !UnderTestHost(app))
        {
            return Refuse(e.InnerExceptions.OfType<OptionsValidationException>().SelectMany(i => i.Failures));
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            return Refuse([e.Message + " Give it a value of the right kind."]);
        }
    }

    // Under WebApplicationFactory the test host reports a failed start to the test; it must get the exception.
    private static bool UnderTestHost(WebApplication? app) =>
        app?.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.GetType().FullName == "Microsoft.AspNetCore.TestHost.TestServer";

    private static int Refuse(IEnumerable<string> failures)
    {
        foreach (var failure in failures.Distinct())
        {
            Console.Error.WriteLine("Invalid setting: " + failure);
        }
        return BadSettings;
    }

    /// <summary>
    /// The folder the app was published to, when it holds wwwroot and appsettings.json: a service started from another
    /// working directory (a systemd unit without WorkingDirectory) still finds its stylesheet and settings. Null, so
    /// the usual rules apply, when a content root is given or the app runs from its build output in the source tree.
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var own = AppContext.BaseDirectory;
        return Directory.Exists(Path.Combine(own, "wwwroot")) && File.Exists(Path.Combine(own, "appsettings.json")) ? own : null;
    }
}

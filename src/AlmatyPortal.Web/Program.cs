
var (command, hostArgs) = PortalCommands.Parse(args);
if (command?.Verb is PortalCommands.Help or PortalCommands.Unknown)
{
    return PortalCommands.PrintUsage(command);
}
return await PortalStartup.RunAsync(command, hostArgs, builder =>
{
    builder.AddPortal();
    if (command is not null)
    {
        // A command imports, exports or adds a user; the start-up import of an empty database would only get in its way.
        builder.Configuration["Portal:ImportOnStartup"] = "false";
    }
}, app => app.UsePortal());

/// <summary>The portal's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

using AlmatyPortal.Web.Infrastructure;

var (command, hostArgs) = PortalCommands.Parse(args);
var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddPortal();
if (command is not null)
{
    // A command imports, exports or adds a user; the start-up import of an empty database would only get in its way.
    builder.Configuration["Portal:ImportOnStartup"] = "false";
}

var app = builder.Build();
if (command is not null)
{
    return await PortalCommands.RunAsync(app, command);
}

app.UsePortal();
await app.RunAsync();
return 0;

/// <summary>The portal's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

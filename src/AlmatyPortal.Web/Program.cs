using AlmatyPortal.Web.Infrastructure;

var (verb, path, hostArgs) = PortalCommands.Parse(args);
var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddPortal();
if (verb is not null)
{
    // A command imports or exports; the start-up import of an empty database would only get in its way.
    builder.Configuration["Portal:ImportOnStartup"] = "false";
}

var app = builder.Build();
if (verb is not null)
{
    return await PortalCommands.RunAsync(app, verb, path);
}

app.UsePortal();
await app.RunAsync();
return 0;

/// <summary>The portal's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

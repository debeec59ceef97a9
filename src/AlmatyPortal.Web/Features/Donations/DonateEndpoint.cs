namespace AlmatyPortal.Web.Features.Donations;

/// <summary>/donate: counts the click, then sends the donor to the agency's donation page.</summary>
public static class DonateEndpoint
{
    public static IServiceCollection AddDonations(this IServiceCollection services)
    {
        services.AddOptions<DonateOptions>().BindConfiguration(DonateOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DonateOptions>, DonateOptionsValidator>();
        services.AddScoped<DonationCounter>();
        services.AddScoped<DonateThrottle>();
        return services;
    }

    public static IEndpointRouteBuilder MapDonate(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/donate", async (string? from, DonationCounter counter, DonateThrottle throttle, IOptions<DonateOptions> options, HttpContext http, CancellationToken ct) =>
        {
            // A donor is never held up or refused: past the limit the click still redirects, it is just not counted.
            if (await throttle.MayCountAsync(http.Connection.RemoteIpAddress, ct))
            {
                await counter.CountAsync(from, ct);
            }
            http.Response.Headers.CacheControl = "no-store";
            return Results.Redirect(options.Value.Url);
        }).ExcludeFromDescription();
        return routes;
    }
}

/// <summary>
/// At most Donate:CountsPerClientPerMinute counted clicks a minute per client address, counted in the database, so the
/// cap holds across every instance (a reader is not counted once per instance).
/// </summary>
public sealed class DonateThrottle(ClientWindows windows, IOptions<DonateOptions> options)
{
    public const string Purpose = "donate";

    public Task<bool> MayCountAsync(System.Net.IPAddress? client, CancellationToken ct) =>
        windows.AllowAsync(Purpose, client, options.Value.CountsPerClientPerMinute, ct);
}

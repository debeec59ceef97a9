using System.Threading.RateLimiting;

namespace AlmatyPortal.Web.Features.Donations;

/// <summary>/donate: counts the click, then sends the donor to the agency's donation page.</summary>
public static class DonateEndpoint
{
    public static IServiceCollection AddDonations(this IServiceCollection services)
    {
        services.AddOptions<DonateOptions>().BindConfiguration(DonateOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DonateOptions>, DonateOptionsValidator>();
        services.AddScoped<DonationCounter>();
        services.AddSingleton<DonateThrottle>();
        return services;
    }

    public static IEndpointRouteBuilder MapDonate(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/donate", async (string? from, DonationCounter counter, DonateThrottle throttle, IOptions<DonateOptions> options, HttpContext http, CancellationToken ct) =>
        {
            // A donor is never held up or refused: past the limit the click still redirects, it is just not counted.
            if (throttle.MayCount(http.Connection.RemoteIpAddress))
            {
                await counter.CountAsync(from, ct);
            }
            http.Response.Headers.CacheControl = "no-store";
            return Results.Redirect(options.Value.Url);
        }).ExcludeFromDescription();
        return routes;
    }
}

/// <summary>At most Donate:CountsPerClientPerMinute counted clicks per client address; idle partitions are dropped by the limiter.</summary>
public sealed class DonateThrottle(IOptions<DonateOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.CountsPerClientPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    public bool MayCount(System.Net.IPAddress? client)
    {
        using var lease = _limiter.AttemptAcquire(client?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

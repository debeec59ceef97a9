using Microsoft.Extensions.Options;

namespace AlmatyPortal.Web.Features.Donations;

/// <summary>/donate: counts the click, then sends the donor to the agency's donation page.</summary>
public static class DonateEndpoint
{
    public static IEndpointRouteBuilder MapDonate(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/donate", async (string? from, DonationCounter counter, IOptions<DonateOptions> options, HttpContext http, CancellationToken ct) =>
        {
            await counter.CountAsync(from, ct);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Redirect(options.Value.Url);
        }).ExcludeFromDescription();
        return routes;
    }
}

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>The one test for an address a reader may be sent to: absolute, and http or https.</summary>
public static class WebAddress
{
    public static bool IsHttp(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AlmatyPortal.Web.Features.Media;

/// <summary>
/// One size limit for uploads, Portal:MaxUploadBytes, applied by Kestrel, by the form reader and by a check that
/// answers an oversized request with 413 and the site's "file too large" page instead of a cut connection.
/// </summary>
public static class UploadLimits
{
    /// <summary>Room for the other fields of a form that carries a file (an article's text, the alt text).</summary>
    public const long FormMargin = 2 * 1024 * 1024;

    public static long RequestLimit(PortalOptions options) => options.MaxUploadBytes + FormMargin;

    public static IServiceCollection AddUploadLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<PortalOptions>>((o, portal) => o.Limits.MaxRequestBodySize = RequestLimit(portal.Value));
        services.AddOptions<FormOptions>().Configure<IOptions<PortalOptions>>((o, portal) => o.MultipartBodyLengthLimit = RequestLimit(portal.Value));
        return services;
    }

    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app)
    {
        var portal = app.ApplicationServices.GetRequiredService<IOptions<PortalOptions>>().Value;
        var limit = RequestLimit(portal);
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UploadLimits).FullName!);
        return app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength is not { } length || length <= limit)
            {
                await next(context);
                return;
            }
            logger.LogInformation("Refused a request body of {Length} bytes to {Path}; the limit is {Limit}", length, context.Request.Path.Value, limit);
            // Read what the browser is sending (up to four times the limit) so that it gets the answer rather than a
            // reset connection; beyond that the connection is closed after the answer.
            var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (length <= 4 * limit && size is { IsReadOnly: false })
            {
                size.MaxRequestBodySize = length;
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            }
            // The status page is rendered by re-running the request: as a GET with no body, so that it neither reads
            // the refused form again nor asks for the form's antiforgery token.
            context.Request.Method = HttpMethods.Get;
            context.Request.Body = Stream.Null;
            context.Request.ContentLength = 0;
            context.Request.ContentType = null;
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        });
    }
}

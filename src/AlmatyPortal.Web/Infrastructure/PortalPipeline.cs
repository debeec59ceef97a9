using AlmatyPortal.Web.Features.Calendar;
using AlmatyPortal.Web.Features.Donations;
using AlmatyPortal.Web.Features.Feeds;
using AlmatyPortal.Web.Features.Insight;
using AlmatyPortal.Web.Features.Media;
using AlmatyPortal.Web.Features.PageCache;
using AlmatyPortal.Web.Features.ReadApi;
using Microsoft.Extensions.FileProviders;
using Serilog;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>The request pipeline: errors, security headers, static files, media, pages and machine endpoints.</summary>
public static class PortalPipeline
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UsePortal(this WebApplication app)
    {
        // First, so everything after sees the reader's address and scheme (from known proxies only).
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseUploadLimits();
        app.UseRequestLocalization();
        app.UseLanguageRedirects();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            await next();
        });
        app.Use(async (context, next) =>
        {
            // Staff pages and the sign-in pages are for one person only: no shared cache, no copy on disk.
            var bare = Cultures.Translate(context.Request.Path.Value ?? "/", Languages.Default);
            if (bare.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) || bare.StartsWith("/account", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "private, no-store";
                    return Task.CompletedTask;
                });
            }
            await next();
        });
        // The host's own logger: the static Log.Logger is left alone (see AddPortalLogging).
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseMiddleware<ClientAborts>();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Pages link the stylesheet and scripts with ?v=<hash of the file> (asp-append-version), so a versioned address
            // never changes content and may be kept for a year; an unversioned one is checked again after five minutes,
            // so a deploy never leaves readers on an old stylesheet.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = c.Context.Request.Query.ContainsKey("v")
                ? "public, max-age=31536000, immutable"
                : "public, max-age=300",
        });
        app.UseMedia();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // Reads are counted outside the cache, so a page served from it counts as much as one rendered.
        app.UseReadCounting();
        // Public pages from the output cache; inside it each page is compressed once, when it is stored (the compression
        // above only serves static files: it leaves a response that already has an encoding alone).
        app.UsePageCache();
        app.UseResponseCompression();
        app.UseAntiforgery();

        app.MapRazorPages();
        app.MapDonate();
        app.MapFeeds();
        app.MapSitemap();
        app.MapCalendars();
        app.MapReadApi();
        app.MapOpenApi(ReadApiServices.DocumentPath);
        app.MapHealthChecks("/healthz");
        return app;
    }

    private static void UseMedia(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<MediaStore>();
        Directory.CreateDirectory(store.Folder);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(store.Folder),
            RequestPath = "/media",
            ServeUnknownFileTypes = false,
            OnPrepareResponse = c =>
            {
                // Media names carry a hash of their bytes, so a name never points at other content.
                c.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                if (c.File.Name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                {
                    c.Context.Response.Headers.ContentDisposition = "attachment";
                }
            },
        });
    }
}

using System.Globalization;
using AlmatyPortal.Web.Features.PageCache;
using AlmatyPortal.Web.Features.Processes;

namespace AlmatyPortal.Web.Features.ReadApi;

/// <summary>
/// The read API for partners, /api/v1: published articles, conferences and processes as JSON, one language a request
/// (?language=ru), paged (?page=2&amp;pageSize=50). Each answer is a public page to the output cache, so it carries a
/// strong ETag, answers If-None-Match with 304 and is purged with what it shows.
/// </summary>
public static class ReadApiEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    private static readonly string[] QueryKeys = ["language", "page", "pageSize"];

    public static IEndpointRouteBuilder MapReadApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Read API");
        // Public, read-only data: a partner's page may read it from the browser too.
        api.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            return await next(context);
        });

        api.MapGet("/articles", async (HttpContext http, ReadApiQueries queries, string? language, string? page, string? pageSize, CancellationToken ct) =>
        {
            if (Paging.Read(language, page, pageSize) is not { } paging)
            {
                return Paging.Problem(language, page, pageSize);
            }
            var (total, items, images) = await queries.ArticlesAsync(paging.Language, paging.Page, paging.Size, ct);
            http.TagPage([PageTags.News(paging.Language), PageTags.Sections, .. images.Select(PageTags.Media)]);
            return Results.Ok(paging.Of(http, total, items));
        })
        .WithName("ListArticles").WithSummary("Published articles of a language, newest first.")
        .Produces<ApiPage<ApiArticleSummary>>().ProducesProblem(StatusCodes.Status400BadRequest)
        .CachedAsPublicPage(QueryKeys);

        api.MapGet("/articles/{slug}", async (HttpContext http, ReadApiQueries queries, string slug, string? language, CancellationToken ct) =>
        {
            if (Paging.Read(language, null, null) is not { } paging)
            {
                return Paging.Problem(language, null, null);
            }
            if (await queries.ArticleAsync(paging.Language, slug, ct) is not { } found)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such article",
                    detail: $"No published article has the slug '{slug}' in '{paging.Language}'.");
            }
            http.TagPage(found.Tags);
            return Results.Ok(found.Article);
        })
        .WithName("GetArticle").WithSummary("One published article with its body, tags, conferences, processes and other languages.")
        .Produces<ApiArticle>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
        .CachedAsPublicPage(QueryKeys);

        api.MapGet("/conferences", async (HttpContext http, ReadApiQueries queries, string? language, string? page, string? pageSize, CancellationToken ct) =>
        {
            if (Paging.Read(language, page, pageSize) is not { } paging)
            {
                return Paging.Problem(language, page, pageSize);
            }
            var (total, items) = await queries.ConferencesAsync(paging.Language, paging.Page, paging.Size, ct);
            http.TagPage([PageTags.Conferences(paging.Language), .. PageTags.Names(items.Select(c => c.Country))]);
            return Results.Ok(paging.Of(http, total, items));
        })
        .WithName("ListConferences").WithSummary("Published conference records of a language, latest first.")
        .Produces<ApiPage<ApiConference>>().ProducesProblem(StatusCodes.Status400BadRequest)
        .CachedAsPublicPage(QueryKeys);

        api.MapGet("/processes", async (HttpContext http, ReadApiQueries queries, string? language, string? page, string? pageSize, CancellationToken ct) =>
        {
            if (Paging.Read(language, page, pageSize) is not { } paging)
            {
                return Paging.Problem(language, page, pageSize);
            }
            var (total, items) = await queries.ProcessesAsync(paging.Language, paging.Page, paging.Size, ct);
            http.TagPage(PageTags.Processes(paging.Language));
            return Results.Ok(paging.Of(http, total, items));
        })
        .WithName("ListProcesses").WithSummary("Published processes of a language, by name.")
        .Produces<ApiPage<ApiProcessSummary>>().ProducesProblem(StatusCodes.Status400BadRequest)
        .CachedAsPublicPage(QueryKeys);

        api.MapGet("/processes/{slug}", async (HttpContext http, ReadApiQueries queries, string slug, string? language, CancellationToken ct) =>
        {
            if (Paging.Read(language, null, null) is not { } paging)
            {
                return Paging.Problem(language, null, null);
            }
            if (await queries.ProcessAsync(paging.Language, slug, ct) is not { } found)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such process",
                    detail: $"No published process has the slug '{slug}' in '{paging.Language}'.");
            }
            http.TagPage(ProcessTimeline.PageTagsOf(found.View));
            return Results.Ok(found.Process);
        })
        .WithName("GetProcess").WithSummary("One published process with its timeline in date order.")
        .Produces<ApiProcess>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
        .CachedAsPublicPage(QueryKeys);

        return routes;
    }

    /// <summary>The language and page a request asks for, read strictly: a bad value gets a 400 that names it.</summary>
    private sealed record Paging(string Language, int Page, int Size)
    {
        public static Paging? Read(string? language, string? page, string? size)
        {
            var code = string.IsNullOrEmpty(language) ? Languages.Default : language;
            var number = 1;
            var count = DefaultPageSize;
            return Languages.IsSupported(code)
                && (page is null || int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1)
                && (size is null || int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= MaxPageSize)
                ? new Paging(code, number, count) : null;
        }

        public static IResult Problem(string? language, string? page, string? size)
        {
            var errors = new Dictionary<string, string[]>();
            var code = string.IsNullOrEmpty(language) ? Languages.Default : language;
            if (!Languages.IsSupported(code))
            {
                errors["language"] = [$"Use one of: {string.Join(", ", Languages.Supported)}."];
            }
            if (page is not null && !(int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1))
            {
                errors["page"] = ["Use a whole number from 1."];
            }
            if (size is not null && !(int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxPageSize))
            {
                errors["pageSize"] = [$"Use a whole number from 1 to {MaxPageSize}."];
            }
            return Results.ValidationProblem(errors, title: "The request's query is not valid");
        }

        public ApiPage<T> Of<T>(HttpContext http, int total, IReadOnlyList<T> items)
        {
            string Address(int page) =>
                $"{http.RequestServices.GetRequiredService<SiteLinks>().Absolute(http.Request.Path)}?language={Language}&page={page.ToString(CultureInfo.InvariantCulture)}&pageSize={Size.ToString(CultureInfo.InvariantCulture)}";
            var last = Math.Max(1, (total + Size - 1) / Size);
            return new ApiPage<T>(Language, Page, Size, total, items, Page < last ? Address(Page + 1) : null, Page > 1 ? Address(Math.Min(Page - 1, last)) : null);
        }
    }
}

namespace AlmatyPortal.Web.Features.ReadApi;

/// <summary>Registers the read API: its queries, and its OpenAPI document at /api/openapi/v1.json (the API's routes only).</summary>
public static class ReadApiServices
{
    public const string DocumentPath = "/api/openapi/{documentName}.json";

    public static IServiceCollection AddReadApi(this IServiceCollection services)
    {
        services.AddScoped<ReadApiQueries>();
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "AlmatyPortal read API";
                document.Info.Description = "Published news, conference records and processes, per language, paged, with ETag and 304.";
                return Task.CompletedTask;
            });
        });
        return services;
    }
}

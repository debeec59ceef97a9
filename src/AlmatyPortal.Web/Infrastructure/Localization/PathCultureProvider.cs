using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace AlmatyPortal.Web.Infrastructure.Localization;

internal sealed class PathCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? httpContext.Request.Path.Value;
        var culture = Cultures.For(Cultures.LanguageOf(path)).Name;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture, culture));
    }
}

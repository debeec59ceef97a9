using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// Refused requests, logged as one Warning each with who, from where and what, so an admin can see probing in the
/// log. Never the form, a password, a cookie or a token.
/// </summary>
public static class SecurityEvents
{
    public const string LoggerName = "AlmatyPortal.Security";

    public static void AccessDenied(HttpContext context) => Log(context, "AccessDenied");

    public static void AntiforgeryRejected(HttpContext context) => Log(context, "AntiforgeryRejected");

    private static void Log(HttpContext context, string eventName)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerName);
        logger.LogWarning("Security event {EventName}: {Method} {Path} refused for {User} from {ClientAddress}",
            eventName, context.Request.Method, context.Request.Path.Value, context.User.Identity?.Name ?? "(anonymous)",
            context.Connection.RemoteIpAddress?.ToString() ?? "(unknown)");
    }
}

/// <summary>Logs a request that the antiforgery check turned away (MVC answers it with 400 and would say nothing).</summary>
internal sealed class AntiforgeryRejectionLog : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            SecurityEvents.AntiforgeryRejected(context.HttpContext);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// A reader who hangs up cancels the request's work; that is expected, not a server error. The cancellation ends here
/// with status 499 (nginx's "client closed request"), so the request log records one Information line without a stack
/// trace rather than a 500 at Error. Any other exception, or a cancellation the client did not cause, passes on.
/// </summary>
public sealed class ClientAborts(RequestDelegate next)
{
    public const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;
            }
        }
    }
}

using AlmatyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace AlmatyPortal.Tests.Unit;

/// <summary>A reader hanging up is an expected event: status 499, no exception for the request log to report as a 500.</summary>
public sealed class ClientAbortsTests
{
    private static DefaultHttpContext Context(bool clientHungUp)
    {
        var context = new DefaultHttpContext();
        if (clientHungUp)
        {
            using var hangUp = new CancellationTokenSource();
            hangUp.Cancel();
            context.RequestAborted = hangUp.Token;
        }
        return context;
    }

    [Fact]
    public async Task Work_cancelled_because_the_client_hung_up_ends_as_499_without_an_exception()
    {
        var context = Context(clientHungUp: true);
        var middleware = new ClientAborts(c => throw new TaskCanceledException("the query was cancelled"));

        await middleware.InvokeAsync(context);

        Assert.Equal(ClientAborts.ClientClosedRequest, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_cancellation_the_client_did_not_cause_still_reaches_the_error_handler()
    {
        var middleware = new ClientAborts(c => throw new TaskCanceledException("a timeout inside the server"));

        await Assert.ThrowsAsync<TaskCanceledException>(() => middleware.InvokeAsync(Context(clientHungUp: false)));
    }

    [Fact]
    public async Task Other_exceptions_pass_on_even_after_the_client_hung_up()
    {
        var middleware = new ClientAborts(c => throw new InvalidOperationException("a real fault"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.InvokeAsync(Context(clientHungUp: true)));
    }
}

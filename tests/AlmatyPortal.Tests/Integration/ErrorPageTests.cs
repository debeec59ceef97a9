using System.Net;
using AlmatyPortal.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Integration;

public sealed class ErrorPageTests : IDisposable
{
    private readonly FailingPortal _portal = new();

    public void Dispose() => _portal.Dispose();

    /// <summary>The portal with one extra address that fails, as a bug in a page would.</summary>
    private sealed class FailingPortal() : PortalFactory(null)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FailingEndpoint>());
        }
    }

    private sealed class FailingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/fail", failing => failing.Run(_ => throw new InvalidOperationException("secret internals at line 42")));
        };
    }

    [Fact]
    public async Task An_unexpected_error_shows_the_site_error_page_without_a_stack_trace()
    {
        var response = await _portal.CreateReader().GetAsync("/test/fail");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<h1>Something went wrong</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Go to the home page</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret internals", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
    }
}

using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;

namespace AlmatyPortal.Tests.Integration;

/// <summary>What browsers and shared caches are told to keep: versioned files for a year, staff pages nowhere.</summary>
public sealed class CachingHeaderTests : IDisposable
{
    private readonly PortalFactory _portal = new(null);

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Pages_link_the_stylesheet_by_a_version_of_its_content()
    {
        var html = await _portal.CreateReader().GetStringAsync("/");

        Assert.Matches("<link rel=\"stylesheet\" href=\"/css/site.css\\?v=[A-Za-z0-9_-]{20,}\"", html);
    }

    [Fact]
    public async Task A_versioned_file_is_cached_for_a_year_and_an_unversioned_one_only_briefly()
    {
        var reader = _portal.CreateReader();

        var versioned = await reader.GetAsync("/css/site.css?v=abc123");
        var plain = await reader.GetAsync("/css/site.css");

        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        Assert.Equal("public, max-age=300", plain.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/ru/admin/articles")]
    [InlineData("/account/login")]
    [InlineData("/ru/account/login")]
    public async Task Staff_and_sign_in_pages_are_private_and_never_stored(string url)
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);

        var response = await editor.GetAsync(url);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"{url}: {response.Headers.CacheControl}");
    }
}

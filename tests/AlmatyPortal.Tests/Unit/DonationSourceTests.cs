using AlmatyPortal.Web.Features.Donations;

namespace AlmatyPortal.Tests.Unit;

public sealed class DonationSourceTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/news/some-article", "/news/some-article")]
    [InlineData("/news/x?utm=1", "/news/x")]
    [InlineData("/news/x#top", "/news/x")]
    [InlineData(null, "(unknown)")]
    [InlineData("", "(unknown)")]
    [InlineData("//evil.example", "(unknown)")]
    [InlineData("/\\evil.example", "(unknown)")]
    [InlineData("https://evil.example/", "(unknown)")]
    [InlineData("news", "(unknown)")]
    [InlineData("/news/<b>", "(unknown)")]
    [InlineData("/новости", "(unknown)")]
    public void Only_a_local_path_is_kept_as_the_source(string? from, string expected) =>
        Assert.Equal(expected, DonationCounter.NormaliseSource(from));

    [Fact]
    public void An_overlong_source_is_unknown() =>
        Assert.Equal("(unknown)", DonationCounter.NormaliseSource("/" + new string('a', DonationCounter.SourcePathMaxLength)));
}

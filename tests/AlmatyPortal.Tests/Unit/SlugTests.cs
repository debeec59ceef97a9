using AlmatyPortal.Web.Features.Publishing;

namespace AlmatyPortal.Tests.Unit;

public sealed class SlugTests
{
    [Theory]
    [InlineData("UNHCR conducted Regional Conference", "unhcr-conducted-regional-conference")]
    [InlineData("  Hello,   World!  ", "hello-world")]
    [InlineData("Région — Café", "region-cafe")]
    [InlineData("Региональная конференция УВКБ ООН", "regionalnaya-konferentsiya-uvkb-oon")]
    [InlineData("Щедрость и объём", "shchedrost-i-obyom")]
    [InlineData("Қазақстан", "qazaqstan")]
    [InlineData("15–16 March 2011", "15-16-march-2011")]
    [InlineData("<script>", "script")]
    [InlineData("!!!", "")]
    [InlineData("", "")]
    public void A_slug_is_lower_case_ascii_words_joined_by_hyphens(string title, string slug) =>
        Assert.Equal(slug, Slug.From(title));

    [Fact]
    public void A_long_title_is_cut_at_a_word_within_the_limit()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("protection", 20)));

        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.EndsWith("protection", slug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("news", true)]
    [InlineData("news-of-the-region", true)]
    [InlineData("News", false)]
    [InlineData("news--x", false)]
    [InlineData("-news", false)]
    [InlineData("../etc", false)]
    [InlineData("", false)]
    public void Only_well_formed_slugs_are_valid(string slug, bool valid) =>
        Assert.Equal(valid, Slug.IsValid(slug));
}

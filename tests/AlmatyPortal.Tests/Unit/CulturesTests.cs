using AlmatyPortal.Web.Infrastructure.Localization;

namespace AlmatyPortal.Tests.Unit;

public sealed class CulturesTests
{
    [Theory]
    [InlineData("/admin/articles?status=draft", "ru", "/ru/admin/articles?status=draft")]
    [InlineData("/", "ru", "/ru/")]
    [InlineData("/news/x#comments", "ru", "/ru/news/x#comments")]
    [InlineData("/ru/admin", "ru", "/ru/admin")]
    [InlineData("/admin", "en", "/admin")]
    [InlineData("/media/a.png", "ru", "/media/a.png")]
    [InlineData("/donate?from=%2Fru%2Fnews", "ru", "/donate?from=%2Fru%2Fnews")]
    [InlineData("//evil.example/x", "ru", "//evil.example/x")]
    [InlineData("/\\evil.example", "ru", "/\\evil.example")]
    [InlineData("https://example.org/", "ru", "https://example.org/")]
    [InlineData("?page=2", "ru", "?page=2")]
    [InlineData("/russia", "ru", "/ru/russia")]
    public void A_site_address_is_kept_in_the_language_and_nothing_else_is_touched(string address, string language, string kept) =>
        Assert.Equal(kept, Cultures.KeepLanguage(address, language));

    [Theory]
    [InlineData("/ru", "ru")]
    [InlineData("/ru/news", "ru")]
    [InlineData("/RU/news", "ru")]
    [InlineData("/russia", "en")]
    [InlineData("/r", "en")]
    [InlineData("/", "en")]
    [InlineData("", "en")]
    [InlineData("/news", "en")]
    public void The_first_segment_names_the_language(string path, string language) =>
        Assert.Equal(language, Cultures.LanguageOf(path));
}

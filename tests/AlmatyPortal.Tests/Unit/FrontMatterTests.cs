using AlmatyPortal.Web.Features.Content;

namespace AlmatyPortal.Tests.Unit;

public sealed class FrontMatterTests
{
    [Fact]
    public void Front_matter_and_body_are_split_and_read()
    {
        var (meta, body) = FrontMatter.Parse<ArticleFrontMatter>("---\ntitle: Hello\nsection: news\ntags: [A, B]\n---\n\nBody line\n");

        Assert.Equal("Hello", meta.Title);
        Assert.Equal("news", meta.Section);
        Assert.Equal(["A", "B"], meta.Tags);
        Assert.Equal("Body line\n", body);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_accepted()
    {
        var (meta, body) = FrontMatter.Parse<ArticleFrontMatter>("\uFEFF---\r\ntitle: Hello\r\nsection: news\r\n---\r\nBody\r\n");

        Assert.Equal("Hello", meta.Title);
        Assert.Equal("Body\n", body);
    }

    [Fact]
    public void A_file_that_is_only_front_matter_has_an_empty_body()
    {
        var (meta, body) = FrontMatter.Parse<ArticleFrontMatter>("---\ntitle: Hello\nsection: news\n---");

        Assert.Equal("Hello", meta.Title);
        Assert.Equal("\n", body);
    }

    [Theory]
    [InlineData("title: x\n---\nBody", "does not start with a '---' line")]
    [InlineData("---\ntitle: x\nBody", "no closing '---' line")]
    [InlineData("---\n---\nBody", "front matter is empty")]
    [InlineData("---\ntitle: x\nunknown_field: y\n---\nBody", "bad YAML at line 3")]
    [InlineData("---\ntitle: x\n  bad indent: [\n---\nBody", "bad YAML at line")]
    public void Broken_front_matter_says_what_is_wrong(string text, string message)
    {
        var error = Assert.Throws<ContentException>(() => FrontMatter.Parse<ArticleFrontMatter>(text));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_then_reading_gives_back_the_same_fields()
    {
        var meta = new ArticleFrontMatter { Title = "Title: with colon", Section = "news", Tags = ["Central Asia"], PublishDate = "2011-03-17T10:00:00+06:00" };

        var (read, body) = FrontMatter.Parse<ArticleFrontMatter>(FrontMatter.Write(meta, "Body\n"));

        Assert.Equal((meta.Title, meta.Section, meta.PublishDate), (read.Title, read.Section, read.PublishDate));
        Assert.Equal(meta.Tags, read.Tags);
        Assert.Equal("Body\n", body);
    }
}

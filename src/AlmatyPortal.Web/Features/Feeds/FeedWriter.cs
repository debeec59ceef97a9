using System.Globalization;
using System.Text;
using System.Xml;

namespace AlmatyPortal.Web.Features.Feeds;

/// <summary>Writes RSS 2.0 and Atom 1.0 documents with full content, categories, dates, absolute links and images.</summary>
public static class FeedWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string MediaNs = "http://search.yahoo.com/mrss/";

    public sealed record Channel(string Title, string Description, string SiteUrl, string SelfUrl, DateTime Updated, string Language);

    public static ReadOnlyMemory<byte> Rss(Channel channel, IReadOnlyList<FeedItem> items, Func<string, string> absolute) => Write(xml =>
    {
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "atom", null, AtomNs);
        xml.WriteAttributeString("xmlns", "content", null, ContentNs);
        xml.WriteAttributeString("xmlns", "media", null, MediaNs);
        xml.WriteStartElement("channel");
        xml.WriteElementString("title", HtmlText(channel.Title));
        xml.WriteElementString("link", channel.SiteUrl);
        xml.WriteElementString("description", HtmlText(channel.Description));
        xml.WriteElementString("language", channel.Language);
        xml.WriteElementString("lastBuildDate", channel.Updated.ToString("r", CultureInfo.InvariantCulture));
        xml.WriteStartElement("atom", "link", AtomNs);
        xml.WriteAttributeString("href", channel.SelfUrl);
        xml.WriteAttributeString("rel", "self");
        xml.WriteAttributeString("type", "application/rss+xml");
        xml.WriteEndElement();
        foreach (var item in items)
        {
            var link = item.Link ?? absolute(SitePaths.Article(item.Slug));
            xml.WriteStartElement("item");
            xml.WriteElementString("title", HtmlText(item.Title));
            xml.WriteElementString("link", link);
            xml.WriteStartElement("guid");
            xml.WriteAttributeString("isPermaLink", "false");
            xml.WriteString(item.EntryId ?? absolute(SitePaths.Article(item.Id.ToString(CultureInfo.InvariantCulture))));
            xml.WriteEndElement();
            xml.WriteElementString("pubDate", item.Published.ToString("r", CultureInfo.InvariantCulture));
            xml.WriteElementString("description", HtmlText(item.Summary));
            xml.WriteStartElement("content", "encoded", ContentNs);
            xml.WriteCData(item.BodyHtml.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal));
            xml.WriteEndElement();
            xml.WriteElementString("category", item.Section);
            foreach (var tag in item.Tags)
            {
                xml.WriteElementString("category", tag);
            }
            if (item.Image is { } image)
            {
                xml.WriteStartElement("media", "content", MediaNs);
                xml.WriteAttributeString("url", absolute(SitePaths.Media(image.FileName)));
                xml.WriteAttributeString("type", image.ContentType);
                xml.WriteAttributeString("medium", "image");
                xml.WriteAttributeString("width", image.Width.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("height", image.Height.ToString(CultureInfo.InvariantCulture));
                xml.WriteElementString("media", "description", MediaNs, image.AltText);
                xml.WriteElementString("media", "credit", MediaNs, image.Credit);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    });

    public static ReadOnlyMemory<byte> Atom(Channel channel, IReadOnlyList<FeedItem> items, Func<string, string> absolute) => Write(xml =>
    {
        xml.WriteStartElement("feed", AtomNs);
        xml.WriteAttributeString("xml", "lang", null, channel.Language);
        TextConstruct(xml, "title", channel.Title);
        TextConstruct(xml, "subtitle", channel.Description);
        xml.WriteElementString("id", AtomNs, channel.SelfUrl);
        xml.WriteElementString("updated", AtomNs, Iso(channel.Updated));
        Link(xml, channel.SiteUrl, "alternate", "text/html");
        Link(xml, channel.SelfUrl, "self", "application/atom+xml");
        xml.WriteStartElement("author", AtomNs);
        xml.WriteElementString("name", AtomNs, channel.Title);
        xml.WriteEndElement();
        foreach (var item in items)
        {
            xml.WriteStartElement("entry", AtomNs);
            xml.WriteElementString("id", AtomNs, item.EntryId ?? absolute(SitePaths.Article(item.Id.ToString(CultureInfo.InvariantCulture))));
            TextConstruct(xml, "title", item.Title);
            Link(xml, item.Link ?? absolute(SitePaths.Article(item.Slug)), "alternate", "text/html");
            xml.WriteElementString("published", AtomNs, Iso(item.Published));
            xml.WriteElementString("updated", AtomNs, Iso(item.Updated > item.Published ? item.Updated : item.Published));
            TextConstruct(xml, "summary", item.Summary);
            xml.WriteStartElement("content", AtomNs);
            xml.WriteAttributeString("type", "html");
            xml.WriteString(item.BodyHtml);
            xml.WriteEndElement();
            foreach (var term in item.Tags.Prepend(item.Section))
            {
                xml.WriteStartElement("category", AtomNs);
                xml.WriteAttributeString("term", term);
                xml.WriteEndElement();
            }
            if (item.Image is { } image)
            {
                Link(xml, absolute(SitePaths.Media(image.FileName)), "enclosure", image.ContentType);
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    });

    /// <summary>
    /// RSS readers parse title and description as HTML, so plain text is HTML-encoded here and then XML-encoded by the
    /// writer: a summary reading "&lt;svg onload=…&gt;" arrives as text, never as an element.
    /// </summary>
    public static string HtmlText(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>An Atom text construct declared as plain text (RFC 4287 3.1), which readers must not parse as markup.</summary>
    private static void TextConstruct(XmlWriter xml, string name, string text)
    {
        xml.WriteStartElement(name, AtomNs);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(text);
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string href, string rel, string type)
    {
        xml.WriteStartElement("link", AtomNs);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    private static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// An XML document written by <paramref name="body"/> straight into the UTF-8 bytes it is sent as, and declared so.
    /// A sitemap file of 2,000 pages is about 250 KB: built as a string, it was copied from a StringBuilder into one
    /// string and encoded again, each copy on the large object heap.
    /// </summary>
    internal static ReadOnlyMemory<byte> Write(Action<XmlWriter> body)
    {
        var bytes = new MemoryStream(64 * 1024);
        using (var xml = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }
        return new ReadOnlyMemory<byte>(bytes.GetBuffer(), 0, (int)bytes.Length);
    }
}

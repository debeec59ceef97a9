using System.Buffers;
using System.Collections;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace AlmatyPortal.Web.Features.Publishing;

/// <summary>
/// Schema.org JSON-LD, produced by a JSON writer only; each feature builds its own types (NewsArticle, Event) as
/// records of names and values with the helpers here. The encoder escapes &lt;, &gt; and &amp;, so no text can close
/// the script element it is written into.
/// </summary>
/// <remarks>
/// The records are written by <see cref="Utf8JsonWriter"/> directly, not through <see cref="JsonSerializer"/>: the
/// serializer's WhenWritingNull never applies to a dictionary's values, so it wrote "superEvent": null and the like for
/// whatever a record did not have. The writer also skips the serializer's converter lookup for each value typed object.
/// </remarks>
public static class StructuredData
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Breadcrumbs(IReadOnlyList<(string Name, string Path)> trail, SiteLinks links) => Serialize(new JsonRecord
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = trail.Select((crumb, i) => new JsonRecord
        {
            ["@type"] = "ListItem",
            ["position"] = i + 1,
            ["name"] = crumb.Name,
            ["item"] = links.Absolute(crumb.Path),
        }).ToArray(),
    });

    public static JsonRecord Organization(string name, string? url, string? acronym = null) => new(4)
    {
        ["@type"] = "Organization",
        ["name"] = name,
        ["alternateName"] = acronym,
        ["url"] = url,
    };

    public static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>
    /// The record as JSON: text, whole numbers, records and lists of them; a null value leaves its name out, as the
    /// serializer's WhenWritingNull does.
    /// </summary>
    /// <remarks>
    /// Each thread keeps its buffer and writer: a page writes two or three records, and each used to take a new 2 KiB
    /// buffer (grown to 4 KiB for an article) and a new writer.
    /// </remarks>
    public static string Serialize(JsonRecord value)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        Write(writer, value);
        writer.Flush();
        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (buffer.Capacity > MaxKeptBytes)
        {
            // An unusually large record: let its buffer go rather than hold it for the life of the thread.
            t_buffer = null;
            t_writer = null;
        }
        return json;
    }

    private const int MaxKeptBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case JsonRecord record:
                writer.WriteStartObject();
                foreach (var (name, field) in record.Fields)
                {
                    if (field is not null)
                    {
                        writer.WritePropertyName(name);
                        Write(writer, field);
                    }
                }
                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"JSON-LD holds text, whole numbers, records and lists, not {value.GetType().Name}.");
        }
    }
}

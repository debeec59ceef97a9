using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AlmatyPortal.Web.Features.Content;

/// <summary>Reads and writes YAML, and Markdown files that open with a YAML front matter block.</summary>
public static class FrontMatter
{
    private const string Fence = "---";

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly ISerializer Writer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections | DefaultValuesHandling.OmitDefaults)
        .DisableAliases()
        .Build();

    /// <summary>Splits a Markdown file into its front matter and body, and reads the front matter as T.</summary>
    public static (T Meta, string Body) Parse<T>(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }
        if (!text.StartsWith(Fence + "\n", StringComparison.Ordinal))
        {
            throw new ContentException("the file does not start with a '---' line opening its front matter");
        }
        var end = text.IndexOf("\n" + Fence + "\n", Fence.Length, StringComparison.Ordinal);
        var bodyStart = end + Fence.Length + 2;
        if (end < 0)
        {
            if (text.EndsWith("\n" + Fence, StringComparison.Ordinal))
            {
                end = text.Length - Fence.Length - 1;
                bodyStart = text.Length;
            }
            else
            {
                throw new ContentException("the front matter has no closing '---' line");
            }
        }
        var yaml = text[(Fence.Length + 1)..(end + 1)];
        var meta = ReadYaml<T>(yaml, firstLine: 2) ?? throw new ContentException("the front matter is empty");
        return (meta, text[bodyStart..].Trim('\n') + "\n");
    }

    /// <summary>Reads YAML as T, turning parser errors into messages with the line number in the file.</summary>
    public static T? ReadYaml<T>(string yaml, int firstLine = 1)
    {
        try
        {
            return Reader.Deserialize<T>(yaml);
        }
        catch (YamlException ex)
        {
            var detail = ex.InnerException?.Message ?? ex.Message;
            throw new ContentException($"bad YAML at line {ex.Start.Line + firstLine - 1}, column {ex.Start.Column}: {Clean(detail)}");
        }
    }

    /// <summary>Writes a Markdown file with T as front matter.</summary>
    public static string Write<T>(T meta, string body) =>
        Fence + "\n" + WriteYaml(meta) + Fence + "\n\n" + body.Trim('\n') + "\n";

    public static string WriteYaml<T>(T value) => Writer.Serialize(value);

    private static string Clean(string message)
    {
        // YamlDotNet names .NET types in its messages; readers of content/ need only the key.
        var at = message.IndexOf(" on type ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}

/// <summary>A problem in one content file, told in words its author can act on.</summary>
public sealed class ContentException(string message) : Exception(message);

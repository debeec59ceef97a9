using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using AlmatyPortal.Web.Features.Publishing;

namespace AlmatyPortal.Tests.Unit;

public sealed class StructuredDataTests
{
    /// <summary>What System.Text.Json's serializer writes for the same value with the options JSON-LD is specified by.</summary>
    private static readonly JsonSerializerOptions Reference = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static TheoryData<string, JsonRecord> Values() => new()
    {
        { "a flat record with a skipped null", new() { ["@type"] = "NewsArticle", ["headline"] = "Conference", ["description"] = null, ["width"] = 800 } },
        {
            "text that HTML, JSON and scripts treat specially",
            new()
            {
                ["name"] = "</script><script>alert('x')</script> & \"quoted\" \\ back",
                ["tab\tkey <b>"] = "line\nbreak\r\u0001\u2028\u2029",
            }
        },
        { "Russian and Kazakh text and an emoji", new() { ["name"] = "УВКБ ООН провело конференцию — Қазақстан 🇰🇿", ["inLanguage"] = "ru" } },
        {
            "nested records, arrays of records and of strings",
            new()
            {
                ["@context"] = "https://schema.org",
                ["keywords"] = new List<string> { "asylum", "migration" },
                ["location"] = new JsonRecord
                {
                    ["@type"] = "Place",
                    ["address"] = new JsonRecord { ["@type"] = "PostalAddress", ["addressCountry"] = null, ["addressLocality"] = "Almaty" },
                },
                ["itemListElement"] = new[]
                {
                    new JsonRecord { ["@type"] = "ListItem", ["position"] = 1, ["name"] = "Home" },
                    new JsonRecord { ["@type"] = "ListItem", ["position"] = 2, ["name"] = "News" },
                },
                ["organizer"] = new object[] { StructuredData.Organization("UNHCR", "https://www.unhcr.org/", acronym: null) },
                ["performer"] = Array.Empty<object>(),
                ["position"] = int.MinValue,
            }
        },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Json_ld_is_written_as_the_json_serializer_writes_the_same_record_without_its_nulls(string kind, JsonRecord value)
    {
        _ = kind; // names the case in the test's display only
        Assert.Equal(JsonSerializer.Serialize(WithoutNulls(value), Reference), StructuredData.Serialize(value));
    }

    [Fact]
    public void Json_ld_leaves_out_a_name_whose_value_is_null_at_any_depth()
    {
        var json = StructuredData.Serialize(new JsonRecord
        {
            ["@type"] = "Event",
            ["superEvent"] = null,
            ["location"] = new JsonRecord { ["@type"] = "Place", ["address"] = new JsonRecord { ["addressCountry"] = null } },
            ["performer"] = new[] { StructuredData.Organization("UNHCR", url: null) },
        });

        Assert.Equal("""{"@type":"Event","location":{"@type":"Place","address":{}},"performer":[{"@type":"Organization","name":"UNHCR"}]}""", json);
    }

    [Fact]
    public void A_name_set_twice_in_a_record_is_written_once_in_its_first_place_with_its_last_value()
    {
        var record = new JsonRecord(1) { ["@type"] = "Place", ["name"] = "Almaty", ["address"] = null };
        record["@type"] = "City";
        record["address"] = "Kazakhstan";

        Assert.Equal("""{"@type":"City","name":"Almaty","address":"Kazakhstan"}""", StructuredData.Serialize(record));
        Assert.Equal(3, record.Count);
    }

    /// <summary>The record with every null-valued name removed, at every depth.</summary>
    private static object? WithoutNulls(object? value) => value switch
    {
        JsonRecord record => record.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => WithoutNulls(f.Value)),
        string or int => value,
        System.Collections.IEnumerable items => items.Cast<object?>().Select(WithoutNulls).ToList(),
        _ => value,
    };

    [Fact]
    public void Json_ld_cannot_close_the_script_element_it_is_written_into()
    {
        var json = StructuredData.Serialize(new JsonRecord { ["name"] = "</script><!-- <script>" });

        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.Equal("</script><!-- <script>", JsonDocument.Parse(json).RootElement.GetProperty("name").GetString());
    }
}

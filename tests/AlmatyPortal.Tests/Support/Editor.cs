using System.Globalization;
using System.Text.RegularExpressions;

namespace AlmatyPortal.Tests.Support;

/// <summary>Drives the article editor form the way a browser posts it.</summary>
public static partial class Editor
{
    public static (string Name, string Value)[] Fields(
        string title, string body, int sectionId, int version = 0, string? slug = null, string summary = "", string tags = "",
        string? publishAt = null, string? imageId = null) =>
    [
        ("Input.Title", title), ("Input.Slug", slug ?? ""), ("Input.Summary", summary), ("Input.Body", body),
        ("Input.SectionId", sectionId.ToString(CultureInfo.InvariantCulture)), ("Input.Tags", tags),
        ("Input.PublishAt", publishAt ?? ""), ("Input.FeaturedImageId", imageId ?? ""),
        ("Input.Version", version.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>Posts the editor form with a handler (Save, Publish, Unpublish, Preview, Autosave) and returns the response.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, int? id, string handler, params (string Name, string Value)[] fields)
    {
        var page = id is null ? "/admin/articles/edit" : $"/admin/articles/edit/{id}";
        var token = await Staff.TokenAsync(client, page, "#article-editor");
        return await client.PostAsync($"{page}?handler={handler}", Staff.Form(token, fields));
    }

    /// <summary>The article id a save redirected to.</summary>
    public static int IdFrom(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        var match = EditAddress().Match(location);
        Assert.True(match.Success, $"expected a redirect to the editor, got {(int)response.StatusCode} {location}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("/admin/articles/edit/(\\d+)$")]
    private static partial Regex EditAddress();
}

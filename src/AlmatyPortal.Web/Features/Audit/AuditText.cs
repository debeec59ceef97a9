using System.Globalization;
using System.Text.RegularExpressions;

namespace AlmatyPortal.Web.Features.Audit;

/// <summary>
/// The wording of the audit log and the revision history. Entries are written once, in English, from these
/// templates, and shown in the reader's language: an entry is matched back to its template and the template's
/// translation is filled with the entry's own values. Entries written before a template existed show as written.
/// </summary>
public static class AuditText
{
    public const string Article = "article {0} ({1})";
    public const string Conference = "conference {0}";
    public const string Process = "process {0}";
    public const string Media = "media {0}";
    public const string RestoredVersion = "restored version {0}";
    public const string DeletedAtVersion = "deleted at version {0}";
    public const string DueAt = "{0} for {1}";
    public const string TranslationStarted = "translation started from {0} version {1}";
    public const string PublishedOnSchedule = "published on schedule, due {0}";
    public const string CreatedAs = "created as {0}";
    public const string RoleSetTo = "role set to {0}";
    public const string ImageStored = "{0} {1}×{2}, stored at widths {3}";
    public const string PdfStored = "PDF, {0} bytes";

    // Most specific first: "{0} for {1}" would also match the longer templates.
    private static readonly (string Template, Regex Pattern)[] Patterns =
        new[] { Article, Conference, Process, Media, RestoredVersion, DeletedAtVersion, TranslationStarted, PublishedOnSchedule, CreatedAs, RoleSetTo, ImageStored, PdfStored, DueAt }
            .Select(t => (t, new Regex("^" + Regex.Replace(Regex.Escape(t), @"\\\{\d\}", "(.+?)") + "$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100))))
            .ToArray();

    /// <summary>The resource key of a single word of the log is "(audit) " and the word.</summary>
    public const string WordPrefix = "(audit) ";

    public static string Format(string template, params object?[] values) => string.Format(CultureInfo.InvariantCulture, template, values);

    /// <summary>The entry in the current interface language.</summary>
    public static string Localize(string? text, IStringLocalizer localizer)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        // Single words of the log ("publish", "published") are kept apart from the buttons with the same text.
        var word = localizer[WordPrefix + text];
        if (!word.ResourceNotFound)
        {
            return word.Value;
        }
        var whole = localizer[text];
        if (!whole.ResourceNotFound)
        {
            return whole.Value;
        }
        foreach (var (template, pattern) in Patterns)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                // Each value is itself shown in the reader's language where it is a known word ("published", "Editor", "en").
                var values = match.Groups.Values.Skip(1).Select(g => (object)Localize(g.Value, localizer)).ToArray();
                return localizer[template, values].Value;
            }
        }
        return text;
    }
}

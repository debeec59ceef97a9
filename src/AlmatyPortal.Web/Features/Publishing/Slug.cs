using System.Globalization;
using System.Text;

namespace AlmatyPortal.Web.Features.Publishing;

/// <summary>Makes readable, stable URL slugs from titles, transliterating Cyrillic.</summary>
public static class Slug
{
    public const int MaxLength = 80;

    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "yo", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya",
        // Kazakh letters, so a third language needs no code.
        ['ә'] = "a", ['ғ'] = "gh", ['қ'] = "q", ['ң'] = "ng", ['ө'] = "o", ['ұ'] = "u", ['ү'] = "u", ['һ'] = "h", ['і'] = "i",
    };

    /// <summary>Lower-case ASCII words joined by hyphens, at most <see cref="MaxLength"/> characters, cut at a word.</summary>
    public static string From(string? text)
    {
        var builder = new StringBuilder();
        var pendingHyphen = false;
        foreach (var raw in text ?? "")
        {
            var c = char.ToLowerInvariant(raw);
            // Cyrillic letters are looked up whole (ё is "yo", not a bare e); Latin letters lose their accents.
            var piece = Cyrillic.GetValueOrDefault(c) ?? Latin(c);
            if (piece is null)
            {
                pendingHyphen = builder.Length > 0;
                continue;
            }
            if (piece.Length == 0)
            {
                continue;
            }
            if (pendingHyphen)
            {
                builder.Append('-');
                pendingHyphen = false;
            }
            builder.Append(piece);
        }

        var slug = builder.ToString();
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = cut > MaxLength / 2 ? slug[..cut] : slug[..MaxLength].TrimEnd('-');
        }
        return slug;
    }

    private static string? Latin(char c)
    {
        foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (part is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                return part.ToString();
            }
            if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>Whether text is already a well-formed slug.</summary>
    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength + 40 && slug == From(slug);
}

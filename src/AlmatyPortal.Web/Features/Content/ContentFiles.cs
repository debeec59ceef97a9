namespace AlmatyPortal.Web.Features.Content;

// The shapes of the files under content/, as YAML reads and writes them (snake_case keys).
// Unknown keys are refused, so a misspelt field is reported instead of silently dropped.

/// <summary>A section in sections.yml, with its children nested under it.</summary>
public sealed class SectionFile
{
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public Dictionary<string, TranslatedName>? Translations { get; set; }
    public List<SectionFile>? Children { get; set; }
}

/// <summary>An entry of countries.yml.</summary>
public sealed class CountryFile
{
    public string Iso2 { get; set; } = "";
    public string Iso3 { get; set; } = "";
    public string Name { get; set; } = "";
    public Dictionary<string, TranslatedName>? Translations { get; set; }
}

/// <summary>An entry of tags.yml: a tag and the same tag in other languages, each by its name as articles use it.</summary>
public sealed class TagFile
{
    public string Name { get; set; } = "";
    public List<string>? SameAs { get; set; }
}

/// <summary>An entry of organisations.yml.</summary>
public sealed class OrganisationFile
{
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Acronym { get; set; }
    public string? Url { get; set; }
    public Dictionary<string, TranslatedName>? Translations { get; set; }
}

/// <summary>An entry of people.yml.</summary>
public sealed class PersonFile
{
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public Dictionary<string, TranslatedName>? Translations { get; set; }
}

/// <summary>A reference name in another language, under <c>translations: { ru: { name: …, acronym: … } }</c>.</summary>
public sealed class TranslatedName
{
    public string Name { get; set; } = "";
    public string? Acronym { get; set; }
}

/// <summary>An entry of media/media.yml: an image file beside it and its rights.</summary>
public sealed class MediaFile
{
    public string File { get; set; } = "";
    public string? Alt { get; set; }

    /// <summary>The alt text in the other languages, by language code (ru: …).</summary>
    public Dictionary<string, string>? AltTranslations { get; set; }

    public bool Decorative { get; set; }
    public string Credit { get; set; } = "";
    public string? Photographer { get; set; }
    public string? Licence { get; set; }
}

/// <summary>A content file that can be the translation of another file's record in the default language.</summary>
public interface ITranslatable
{
    /// <summary>The slug of the original record this one translates.</summary>
    string? TranslationOf { get; }

    /// <summary>The original's language, when it is not the default language.</summary>
    string? TranslationFrom { get; }
}

/// <summary>The front matter of an article under news/.</summary>
public sealed class ArticleFrontMatter : ITranslatable
{
    public string Title { get; set; } = "";
    public string? Slug { get; set; }
    public string? Language { get; set; }
    public string Section { get; set; } = "";
    public string? Status { get; set; }
    public string? PublishDate { get; set; }
    public string? Summary { get; set; }
    public List<string>? Tags { get; set; }
    public List<string>? Conferences { get; set; }
    public string? Image { get; set; }
    public string? TranslationOf { get; set; }
    public string? TranslationFrom { get; set; }
}

/// <summary>The front matter of a conference record under conferences/.</summary>
public sealed class ConferenceFrontMatter : ITranslatable
{
    public string Title { get; set; } = "";
    public string? Slug { get; set; }
    public string? Language { get; set; }
    public string? Status { get; set; }
    public string? Summary { get; set; }
    public string City { get; set; } = "";
    public string? Country { get; set; }
    public string? Venue { get; set; }
    public string StartDate { get; set; } = "";
    public string? EndDate { get; set; }
    public ParticipantsFile? Participants { get; set; }
    public OrganisationRolesFile? Organisations { get; set; }
    public List<SpeakerFile>? Speakers { get; set; }
    public List<string>? Countries { get; set; }
    public List<string>? Topics { get; set; }
    public List<DocumentFile>? Documents { get; set; }
    public FollowUpFile? FollowUp { get; set; }
    public string? TranslationOf { get; set; }
    public string? TranslationFrom { get; set; }
}

/// <summary>
/// The front matter of a process record under processes/. Its meetings and news are named by slug in the original's
/// file only (a slug in the file's language, else in any); a translation shares them.
/// </summary>
public sealed class ProcessFrontMatter : ITranslatable
{
    public string Name { get; set; } = "";
    public string? Slug { get; set; }
    public string? Language { get; set; }
    public string? Status { get; set; }
    public string? Summary { get; set; }
    public string? FoundingConference { get; set; }
    public List<string>? FollowUpConferences { get; set; }
    public List<string>? News { get; set; }
    public string? TranslationOf { get; set; }
    public string? TranslationFrom { get; set; }
}

/// <summary>Attendance of a conference.</summary>
public sealed class ParticipantsFile
{
    public int? Count { get; set; }
    public string? Qualifier { get; set; }
    public string? Level { get; set; }
}

/// <summary>Organisation slugs grouped by the role they played.</summary>
public sealed class OrganisationRolesFile
{
    public List<string>? Organiser { get; set; }
    public List<string>? InCooperationWith { get; set; }
    public List<string>? SupportedBy { get; set; }
    public List<string>? Host { get; set; }
    public List<string>? Funder { get; set; }
}

/// <summary>A speaker: a person from people.yml and the title they spoke under.</summary>
public sealed class SpeakerFile
{
    public string Person { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Session { get; set; }
}

/// <summary>An outcome document.</summary>
public sealed class DocumentFile
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Url { get; set; }
}

/// <summary>The follow-up process a conference started.</summary>
public sealed class FollowUpFile
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
}

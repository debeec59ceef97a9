namespace AlmatyPortal.Web.Features.Publishing;

/// <summary>A record published in several languages as one translation group: an article or a conference record.</summary>
public interface ITranslatableRecord
{
    int Id { get; }
    string Language { get; }
    string Slug { get; }
    Guid TranslationGroup { get; }

    /// <summary>For a translation, the version of the original it follows; null for the original itself.</summary>
    int? TranslatedFromVersion { get; }

    int Version { get; }

    Publishing.PublicationStatus Status { get; }
}

namespace AlmatyPortal.Web.Features.Editing;

/// <summary>How a save ended.</summary>
public abstract record SaveOutcome
{
    /// <summary>Saved; <paramref name="ImageReusedAs"/> names the library item used when the uploaded image was already there.</summary>
    public sealed record Saved(int Id, int Version, Publishing.PublicationStatus Status, string Slug, string? ImageReusedAs = null) : SaveOutcome;

    /// <summary>Field errors, keyed by input field name; nothing was saved.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : SaveOutcome;

    /// <summary>Someone saved after this editor started; nothing was saved, and this is what they saved.</summary>
    public sealed record Conflict(ArticleRevision Current) : SaveOutcome;

    public sealed record NotFound : SaveOutcome;
}

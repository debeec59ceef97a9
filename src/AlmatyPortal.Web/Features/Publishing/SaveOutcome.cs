namespace AlmatyPortal.Web.Features.Publishing;

/// <summary>How a save by an editor (of an article or a conference record) ended.</summary>
public abstract record SaveOutcome
{
    /// <summary>Saved; <paramref name="ImageReusedAs"/> names the library item used when an uploaded image was already there.</summary>
    public sealed record Saved(int Id, int Version, PublicationStatus Status, string Slug, string? ImageReusedAs = null) : SaveOutcome;

    /// <summary>Field errors, keyed by input field name ("" for the whole form); nothing was saved.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : SaveOutcome;

    /// <summary>
    /// Someone saved after this editor started; nothing was saved. <paramref name="Current"/> is what they saved, in
    /// the shape the record's editor shows (an article's revision), when it has one.
    /// </summary>
    public sealed record Conflict(int CurrentVersion, string CurrentTitle, object? Current = null) : SaveOutcome;

    public sealed record NotFound : SaveOutcome;
}

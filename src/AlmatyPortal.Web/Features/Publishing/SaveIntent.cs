namespace AlmatyPortal.Web.Features.Publishing;

/// <summary>What an editor (of an article or a conference record) asked the save to do.</summary>
public enum SaveIntent
{
    /// <summary>Keep the status; a new article becomes a draft.</summary>
    Save,
    Publish,
    Unpublish,
    /// <summary>A background save of a draft, outside the named history.</summary>
    Autosave,
}

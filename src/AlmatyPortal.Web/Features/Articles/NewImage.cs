namespace AlmatyPortal.Web.Features.Articles;

/// <summary>A featured image uploaded with an article, saved with it as one unit.</summary>
public sealed record NewImage(Stream Content, string FileName, Media.MediaDetails Details)
{
    /// <summary>The form field its problems are shown beside.</summary>
    public const string Field = "NewImage";
}

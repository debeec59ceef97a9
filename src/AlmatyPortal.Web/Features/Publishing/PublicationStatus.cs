namespace AlmatyPortal.Web.Features.Publishing;

/// <summary>Where an article or conference record stands in its life.</summary>
public enum PublicationStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,
}

namespace AlmatyPortal.Web.Features.Publishing;

/// <summary>Where an article or conference record stands in its life.</summary>
public enum PublicationStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,
}

/// <summary>A status as the database stores it (by name), for the SQL the portal writes by hand.</summary>
public static class StoredStatus
{
    /// <summary>The published status as an SQL literal.</summary>
    public const string Published = "'" + nameof(PublicationStatus.Published) + "'";
}

namespace AlmatyPortal.Web.Features.Donations;

/// <summary>How many times the donate call was followed from one page on one day. No personal data.</summary>
public sealed class DonationClick
{
    public int Id { get; set; }
    public DateOnly Day { get; set; }

    /// <summary>The local path of the page the reader came from, without its query.</summary>
    public string SourcePath { get; set; } = "";

    public int Count { get; set; }
}

namespace AlmatyPortal.Web.Features.Audit;

/// <summary>One thing that happened in the admin area: who, when, from where, and what.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>The account that acted, or the e-mail that was tried for a failed sign-in.</summary>
    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    /// <summary>What was acted on, e.g. "article 12 (unhcr-convenes-...)".</summary>
    public string Target { get; set; } = "";

    public string Detail { get; set; } = "";
    public string? IpAddress { get; set; }
}

namespace AlmatyPortal.Tests.Browser;

/// <summary>
/// Browser tests run on their own, after the others: each drives a real Chromium against a real Kestrel, and on a
/// two-core machine they time out when they compete with the whole suite for the processor.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTestGroup
{
    public const string Name = "Browser";
}

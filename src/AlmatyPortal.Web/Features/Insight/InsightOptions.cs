namespace AlmatyPortal.Web.Features.Insight;

/// <summary>How reads are counted and kept; bound from the "Insight" section.</summary>
public sealed class InsightOptions
{
    public const string SectionName = "Insight";

    /// <summary>Count reads at all. Off, nothing is counted and the dashboard shows only donate clicks.</summary>
    public bool CountReads { get; set; } = true;

    /// <summary>How often counted reads are written to the database; a crash loses at most this many seconds of counts.</summary>
    public int FlushSeconds { get; set; } = 5;

    /// <summary>How many days of daily counts are kept; older days are removed once a day.</summary>
    public int KeepDays { get; set; } = 400;
}

internal sealed class InsightOptionsValidator : IValidateOptions<InsightOptions>
{
    public ValidateOptionsResult Validate(string? name, InsightOptions options)
    {
        var failures = new List<string>();
        if (options.FlushSeconds is < 1 or > 300)
        {
            failures.Add($"Insight:FlushSeconds must be between 1 and 300 (it is {options.FlushSeconds}).");
        }
        if (options.KeepDays is < 31 or > 3660)
        {
            failures.Add($"Insight:KeepDays must be between 31 and 3660 (it is {options.KeepDays}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}


namespace AlmatyPortal.Web.Features.Donations;

/// <summary>Where the donate call sends donors; bound from the "Donate" section.</summary>
public sealed class DonateOptions
{
    public const string SectionName = "Donate";

    /// <summary>The agency's donation page. Must be an absolute https (or http) URL.</summary>
    public string Url { get; set; } = "https://donate.unhcr.org/";

    /// <summary>How many clicks from one client address are counted in a minute; more still redirect, uncounted.</summary>
    public int CountsPerClientPerMinute { get; set; } = 10;
}

internal sealed class DonateOptionsValidator : IValidateOptions<DonateOptions>
{
    public ValidateOptionsResult Validate(string? name, DonateOptions options)
    {
        var failures = new List<string>();
        if (!Infrastructure.WebAddress.IsHttp(options.Url))
        {
            failures.Add($"Donate:Url must be an absolute http(s) URL (it is '{options.Url}').");
        }
        if (options.CountsPerClientPerMinute is < 1 or > 10_000)
        {
            failures.Add($"Donate:CountsPerClientPerMinute must be between 1 and 10000 (it is {options.CountsPerClientPerMinute}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

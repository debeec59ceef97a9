using Microsoft.Extensions.Options;

namespace AlmatyPortal.Web.Features.Donations;

/// <summary>Where the donate call sends donors; bound from the "Donate" section.</summary>
public sealed class DonateOptions
{
    public const string SectionName = "Donate";

    /// <summary>The agency's donation page. Must be an absolute https (or http) URL.</summary>
    public string Url { get; set; } = "https://donate.unhcr.org/";
}

internal sealed class DonateOptionsValidator : IValidateOptions<DonateOptions>
{
    public ValidateOptionsResult Validate(string? name, DonateOptions options) =>
        Infrastructure.WebAddress.IsHttp(options.Url)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Donate:Url must be an absolute http(s) URL (it is '{options.Url}').");
}

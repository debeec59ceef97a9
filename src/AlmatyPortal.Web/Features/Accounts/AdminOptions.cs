using System.ComponentModel.DataAnnotations;

namespace AlmatyPortal.Web.Features.Accounts;

/// <summary>The first admin, created at start-up when both are set and no admin exists yet. There is no default account.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public string? Email { get; set; }
    public string? Password { get; set; }
}

internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var hasEmail = !string.IsNullOrWhiteSpace(options.Email);
        var hasPassword = !string.IsNullOrEmpty(options.Password);
        if (hasEmail != hasPassword)
        {
            return ValidateOptionsResult.Fail("Admin:Email and Admin:Password must be set together (or neither).");
        }
        if (hasEmail && !new EmailAddressAttribute().IsValid(options.Email))
        {
            return ValidateOptionsResult.Fail("Admin:Email is not an e-mail address.");
        }
        return ValidateOptionsResult.Success;
    }
}

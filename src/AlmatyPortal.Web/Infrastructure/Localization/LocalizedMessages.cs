using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace AlmatyPortal.Web.Infrastructure.Localization;

/// <summary>
/// The framework's own messages in the interface language: validation attributes that give no message of their own,
/// model binding ("The value 'x' is not valid"), and Identity's password and account errors. The English text is the
/// resource key, as everywhere else.
/// </summary>
public static class LocalizedMessages
{
    public static IServiceCollection AddLocalizedMessages(this IServiceCollection services)
    {
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var t = factory.Create(typeof(SharedResource));
            o.ModelMetadataDetailsProviders.Add(new DefaultValidationMessages());
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => t["The value “{0}” is not valid for {1}.", value, field]);
            m.SetMissingBindRequiredValueAccessor(field => t["A value for {0} was not provided.", field]);
            m.SetMissingKeyOrValueAccessor(() => t["A value is required."]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => t["A value is required."]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["The value “{0}” is not valid.", value]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["The value given is not valid."]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => t["Enter a number."]);
            m.SetUnknownValueIsInvalidAccessor(field => t["The value given is not valid for {0}.", field]);
            m.SetValueIsInvalidAccessor(value => t["The value “{0}” is not valid.", value]);
            m.SetValueMustBeANumberAccessor(field => t["{0}: enter a number.", field]);
            m.SetValueMustNotBeNullAccessor(value => t["A value is required."]);
        });
        services.AddScoped<IdentityErrorDescriber, LocalizedIdentityErrors>();
        return services;
    }

    /// <summary>Gives attributes without a message of their own an English message, which the data-annotations localizer then translates.</summary>
    private sealed class DefaultValidationMessages : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
            {
                if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null)
                {
                    continue;
                }
                attribute.ErrorMessage = attribute switch
                {
                    RequiredAttribute => "{0}: this field is required.",
                    StringLengthAttribute { MinimumLength: > 0 } => "{0}: use between {2} and {1} characters.",
                    StringLengthAttribute or MaxLengthAttribute => "{0}: use at most {1} characters.",
                    RangeAttribute => "{0}: enter a value between {1} and {2}.",
                    EmailAddressAttribute => "{0}: enter an email address, like name@example.org.",
                    UrlAttribute => "{0}: enter a web address starting with https://.",
                    CompareAttribute => "{0} and {1} are not the same.",
                    _ => "{0}: the value is not valid.",
                };
            }
        }
    }
}

/// <summary>Identity's errors, in the interface language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    private static IdentityError Error(string code, LocalizedString text) => new() { Code = code, Description = text.Value };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), t["Something went wrong; nothing was changed."]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), t["Someone else changed this account at the same time; nothing was changed. Try again."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), t["The current password is not right."]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), t["The link or code is no longer valid."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), t["“{0}” cannot be used as a user name.", userName ?? ""]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), t["“{0}” is not an email address.", email ?? ""]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), t["There is already an account for {0}.", userName]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), t["There is already an account for {0}.", email]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), t["The account already has the role {0}.", t[role]]);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), t["The account does not have the role {0}.", t[role]]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), t["The password needs at least {0} characters.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), t["The password needs at least {0} different characters.", uniqueChars]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), t["The password needs a character that is not a letter or digit."]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), t["The password needs a digit."]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), t["The password needs a lower-case letter."]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), t["The password needs an upper-case letter."]);
}

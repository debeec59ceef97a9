using Microsoft.AspNetCore.Identity;

namespace AlmatyPortal.Web.Features.Accounts;

/// <summary>Lets an account sign in only while it is not disabled.</summary>
internal sealed class EnabledAccountConfirmation : IUserConfirmation<StaffUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(!user.IsDisabled);
}

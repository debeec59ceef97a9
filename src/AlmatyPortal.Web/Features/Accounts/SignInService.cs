using AlmatyPortal.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace AlmatyPortal.Web.Features.Accounts;

/// <summary>Signs staff in and out, with lockout, a fresh session at every sign-in, and an audit entry for each attempt.</summary>
public sealed class SignInService(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit, IStringLocalizer<SharedResource> t)
{
    /// <summary>The one message for every failed sign-in, so it never tells whether an account exists.</summary>
    public const string FailureMessage = "The email or password is not right, or the account is locked after repeated failures. Try again later, or ask an admin.";

    public async Task<bool> SignInAsync(string email, string password)
    {
        // Any earlier session ends first; the new one gets a new cookie.
        await signIn.SignOutAsync();
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            CheckDummyPassword(password);
            await audit.WriteAsync(AuditLog.SignInFailed, email.Trim(), "no such account", actor: email.Trim());
            return false;
        }
        if (await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            // Identity refuses these before it looks at the password; the hash is checked anyway so that the answer
            // takes as long as a wrong password's does.
            CheckDummyPassword(password);
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditLog.SignIn, user.Email!, "", actor: user.Email);
            return true;
        }
        var why = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "account disabled" : "wrong password";
        await audit.WriteAsync(result.IsLockedOut ? AuditLog.LockedOut : AuditLog.SignInFailed, user.Email!, why, actor: user.Email);
        return false;
    }

    /// <summary>Does the work of one password check, against a hash made once at start-up, and discards the answer.</summary>
    private void CheckDummyPassword(string password)
    {
        var dummy = new StaffUser();
        DummyHash ??= users.PasswordHasher.HashPassword(dummy, Guid.NewGuid().ToString("N"));
        users.PasswordHasher.VerifyHashedPassword(dummy, DummyHash, password);
    }

    private static string? DummyHash { get; set; }

    public async Task SignOutAsync(string? who)
    {
        await signIn.SignOutAsync();
        await audit.WriteAsync(AuditLog.SignOut, who ?? "", "", actor: who);
    }

    /// <summary>Changes the signed-in user's password; their other sessions end, this one is renewed.</summary>
    public async Task<IdentityResult> ChangePasswordAsync(System.Security.Claims.ClaimsPrincipal principal, string current, string next)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "NoUser", Description = t["Sign in again."].Value });
        }
        var result = await users.ChangePasswordAsync(user, current, next);
        if (result.Succeeded)
        {
            await signIn.RefreshSignInAsync(user);
            await audit.WriteAsync(AuditLog.PasswordChange, user.Email!, "changed by the user");
        }
        return result;
    }
}

using AlmatyPortal.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Users;

public sealed class IndexModel(StaffAccounts accounts, UserManager<StaffUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<(StaffUser User, string Role)> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Staff = await accounts.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? email, string? displayName, string? role, string? password) =>
        Done(string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)
            ? t["Give an email and a temporary password."].Value
            : Errors(await accounts.CreateAsync(email, role ?? StaffRoles.Editor, password, displayName)), t["Created {0}. Give them the temporary password in person.", email ?? ""].Value);

    public async Task<IActionResult> OnPostRoleAsync(string id, string? role) =>
        await WithUserAsync(id, async user => Errors(await accounts.SetRoleAsync(user, role ?? "")), t["Role changed."].Value);

    public async Task<IActionResult> OnPostDisableAsync(string id, bool disabled) =>
        await WithUserAsync(id, async user => Errors(await accounts.SetDisabledAsync(user, disabled)), disabled ? t["Disabled: their sessions have ended."].Value : t["Enabled."].Value);

    public async Task<IActionResult> OnPostResetAsync(string id, string? password) =>
        await WithUserAsync(id, async user => string.IsNullOrEmpty(password) ? t["Give a new temporary password."].Value : Errors(await accounts.ResetPasswordAsync(user, password)),
            t["Password reset: their sessions have ended."].Value);

    private async Task<IActionResult> WithUserAsync(string id, Func<StaffUser, Task<string?>> change, string success)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return Done(t["That account no longer exists."].Value, "");
        }
        if (user.Id == users.GetUserId(User))
        {
            return Done(t["Change your own account from “Change password”; an admin cannot demote, disable or reset themselves here."].Value, "");
        }
        return Done(await change(user), success);
    }

    private static string? Errors(IdentityResult result) =>
        result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Description));

    private LocalRedirectResult Done(string? error, string success)
    {
        TempData["Notice"] = error ?? success;
        return LocalRedirect("/admin/users");
    }
}

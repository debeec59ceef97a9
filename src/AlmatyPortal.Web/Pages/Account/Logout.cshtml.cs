using AlmatyPortal.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace AlmatyPortal.Web.Pages.Account;

[Authorize]
public sealed class LogoutModel(SignInService signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/admin");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync(User.Identity?.Name);
        return LocalRedirect("/");
    }
}

using System.ComponentModel.DataAnnotations;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace AlmatyPortal.Web.Pages.Account;

[Authorize(Policy = StaffRoles.StaffPolicy)]
public sealed class PasswordModel(SignInService signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password), Display(Name = "Current password")]
    public string Current { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter a new password."), DataType(DataType.Password), Display(Name = "New password")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "The new password needs at least 12 characters.")]
    public string New { get; set; } = "";

    [BindProperty, DataType(DataType.Password), Display(Name = "New password again")]
    [Compare(nameof(New), ErrorMessage = "The two new passwords are not the same.")]
    public string Confirm { get; set; } = "";

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.ChangePasswordAsync(User, Current, New);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(Current) : nameof(New),
                error.Code == "PasswordMismatch" ? t["The current password is not right."].Value : error.Description);
        }
        Changed = result.Succeeded;
        return Page();
    }
}

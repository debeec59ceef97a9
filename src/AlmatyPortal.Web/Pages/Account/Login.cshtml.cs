using System.ComponentModel.DataAnnotations;
using AlmatyPortal.Web.Features.Accounts;

namespace AlmatyPortal.Web.Pages.Account;

public sealed class LoginModel(SignInService signIn, SignInThrottle throttle, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email.")]
    [EmailAddress(ErrorMessage = "Enter an email address, like name@example.org.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await throttle.AllowAsync(HttpContext.Connection.RemoteIpAddress))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await signIn.SignInAsync(Email, Password))
        {
            ModelState.AddModelError(string.Empty, t[SignInService.FailureMessage].Value);
            return Page();
        }
        // Only a local address is followed; anything else goes to the dashboard.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
    }
}

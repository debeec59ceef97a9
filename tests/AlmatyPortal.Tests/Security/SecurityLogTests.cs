using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;

namespace AlmatyPortal.Tests.Security;

/// <summary>Refused requests leave a line naming who, from where and what, and never a password or token.</summary>
public sealed class SecurityLogTests : IDisposable
{
    private readonly PortalFactory _portal = new(null);

    public void Dispose() => _portal.Dispose();

    private string Logs => Path.Combine(_portal.DataPath, "logs");

    [Fact]
    public async Task A_403_is_logged_with_the_user_the_client_address_and_the_path()
    {
        var email = await Staff.CreateAsync(_portal, StaffRoles.Editor);
        var editor = Staff.Client(_portal);
        await Staff.SignInAsync(editor, email, Staff.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/users")).StatusCode);

        var line = await LogFile.WaitForLineAsync(Logs, "\"EventName\":\"AccessDenied\"");
        Assert.Contains("\"User\":\"" + email + "\"", line, StringComparison.Ordinal);
        Assert.Contains("\"ClientAddress\":\"" + ClientAddress.Address + "\"", line, StringComparison.Ordinal);
        Assert.Contains("\"Path\":\"/admin/users\"", line, StringComparison.Ordinal);
        Assert.Contains("\"@l\":\"Warning\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_antiforgery_rejection_is_logged_without_the_password_or_the_token()
    {
        var client = Staff.Client(_portal);
        await client.GetAsync("/account/login");

        var response = await client.PostAsync("/account/login",
            Staff.Form("forged-token-value", ("Email", "someone@example.org"), ("Password", "hunter2-secret")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var line = await LogFile.WaitForLineAsync(Logs, "\"EventName\":\"AntiforgeryRejected\"");
        Assert.Contains("\"ClientAddress\":\"" + ClientAddress.Address + "\"", line, StringComparison.Ordinal);
        Assert.Contains("\"Path\":\"/account/login\"", line, StringComparison.Ordinal);
        var all = string.Join("\n", await LogFile.ReadAllAsync(Logs));
        Assert.DoesNotContain("hunter2-secret", all, StringComparison.Ordinal);
        Assert.DoesNotContain("forged-token-value", all, StringComparison.Ordinal);
    }
}

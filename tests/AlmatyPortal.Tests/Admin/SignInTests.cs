using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Admin;

public sealed class SignInTests : IDisposable
{
    private readonly PortalFactory _portal = new(null);

    public void Dispose() => _portal.Dispose();

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return Html.Text(Html.Section(html, "<div class=\"error-summary", "div"));
    }

    [Fact]
    public async Task The_login_page_has_labelled_email_and_password_fields_and_a_sign_in_button()
    {
        var html = await Staff.Client(_portal).GetStringAsync("/account/login");

        Assert.Contains("<label for=\"Email\">Email</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Password\">Password</label>", html, StringComparison.Ordinal);
        Assert.Contains(">Sign in</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_get_the_same_message_whether_or_not_the_account_exists()
    {
        var email = await Staff.CreateAsync(_portal, StaffRoles.Editor);

        var wrongPassword = await Staff.SignInAsync(Staff.Client(_portal), email, "not the password");
        var noAccount = await Staff.SignInAsync(Staff.Client(_portal), "nobody@example.org", "not the password");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, noAccount.StatusCode);
        Assert.Equal(SignInService.FailureMessage, await ErrorOfAsync(wrongPassword));
        Assert.Equal(SignInService.FailureMessage, await ErrorOfAsync(noAccount));
    }

    [Fact]
    public async Task An_account_locks_after_five_failures_even_for_the_right_password()
    {
        var email = await Staff.CreateAsync(_portal, StaffRoles.Editor);
        for (var i = 0; i < 5; i++)
        {
            await Staff.SignInAsync(Staff.Client(_portal), email, "wrong");
        }

        var response = await Staff.SignInAsync(Staff.Client(_portal), email, Staff.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SignInService.FailureMessage, await ErrorOfAsync(response));
        var actions = await _portal.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == email).Select(a => a.Action).ToListAsync());
        Assert.Contains("locked out", actions);
        Assert.Contains("sign-in failed", actions);
    }

    [Fact]
    public async Task Sign_in_is_rate_limited_per_address()
    {
        var client = Staff.Client(_portal);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await Staff.SignInAsync(client, $"nobody{i}@example.org", "x")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Attempts_on_both_sides_of_a_minute_turning_over_count_together()
    {
        var client = Staff.Client(_portal);
        var statuses = new List<HttpStatusCode>();
        _portal.Clock.Set(new DateTimeOffset(2030, 5, 1, 10, 0, 59, 500, TimeSpan.Zero));
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await Staff.SignInAsync(client, $"before{i}@example.org", "x")).StatusCode);
        }
        _portal.Clock.Set(new DateTimeOffset(2030, 5, 1, 10, 1, 0, 200, TimeSpan.Zero));
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await Staff.SignInAsync(client, $"after{i}@example.org", "x")).StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task The_session_cookie_is_secure_http_only_and_new_at_each_sign_in()
    {
        var email = await Staff.CreateAsync(_portal, StaffRoles.Editor);
        var client = Staff.Client(_portal);

        var first = await Staff.SignInAsync(client, email, Staff.Password);
        var second = await Staff.SignInAsync(client, email, Staff.Password);

        string Cookie(HttpResponseMessage r) => r.Headers.GetValues("Set-Cookie").Last(c => c.StartsWith("__Host-portal-staff=", StringComparison.Ordinal) && !c.StartsWith("__Host-portal-staff=;", StringComparison.Ordinal));
        var cookie = Cookie(first);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(cookie.Split(';')[0], Cookie(second).Split(';')[0]);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var token = await Staff.TokenAsync(client, "/admin", "form[action='/account/logout']");

        var response = await client.PostAsync("/account/logout", Staff.Form(token));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_users_other_sessions_but_keeps_this_one()
    {
        var email = await Staff.CreateAsync(_portal, StaffRoles.Editor);
        var here = Staff.Client(_portal);
        var elsewhere = Staff.Client(_portal);
        await Staff.SignInAsync(here, email, Staff.Password);
        await Staff.SignInAsync(elsewhere, email, Staff.Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/admin")).StatusCode);

        var token = await Staff.TokenAsync(here, "/account/password");
        var response = await here.PostAsync("/account/password", Staff.Form(token,
            ("Current", Staff.Password), ("New", "a brand new long password"), ("Confirm", "a brand new long password")));

        Assert.Contains("Your password has been changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_is_signed_out_and_cannot_sign_in_again()
    {
        var email = await Staff.CreateAsync(_portal, StaffRoles.Editor);
        var client = Staff.Client(_portal);
        await Staff.SignInAsync(client, email, Staff.Password);

        await _portal.WithServicesAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email);
            return await sp.GetRequiredService<StaffAccounts>().SetDisabledAsync(user!, disabled: true);
        });

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
        var again = await Staff.SignInAsync(Staff.Client(_portal), email, Staff.Password);
        Assert.Equal(SignInService.FailureMessage, await ErrorOfAsync(again));
    }

    [Fact]
    public async Task Successful_and_failed_sign_ins_are_audited_with_the_address()
    {
        var email = await Staff.CreateAsync(_portal, StaffRoles.Editor);
        await Staff.SignInAsync(Staff.Client(_portal), email, "wrong");
        await Staff.SignInAsync(Staff.Client(_portal), email, Staff.Password);

        var entries = await _portal.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == email).OrderBy(a => a.Id).ToListAsync());

        Assert.Contains(entries, e => e.Action == "sign-in failed" && e.Detail == "wrong password");
        Assert.Contains(entries, e => e.Action == "sign-in" && e.Actor == email);
        Assert.All(entries.Where(e => e.Action.StartsWith("sign-in", StringComparison.Ordinal)), e => Assert.Equal("203.0.113.7", e.IpAddress));
    }
}

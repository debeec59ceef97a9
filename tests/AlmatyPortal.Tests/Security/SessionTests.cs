using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Security;

/// <summary>Sign-out ends the session on the server, and sign-in costs the same whether or not the account exists.</summary>
public sealed class SessionTests : IDisposable
{
    private readonly CountingPasswordHasher _hasher = new();
    private readonly PortalFactory _portal = new(null);

    public void Dispose() => _portal.Dispose();

    private WebApplicationFactory<Program> WithCountingHasher() =>
        _portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<StaffUser>>(_hasher)));

    private static string StaffCookie(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("__Host-portal-staff", StringComparison.Ordinal))
            .Select(c => c.Split(';')[0]));

    private HttpClient CookieClient(string cookie)
    {
        var client = _portal.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false,
        });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_the_admin_area()
    {
        var email = await Staff.CreateAsync(_portal, StaffRoles.Editor);
        var browser = Staff.Client(_portal);
        var cookie = StaffCookie(await Staff.SignInAsync(browser, email, Staff.Password));
        Assert.Equal(HttpStatusCode.OK, (await CookieClient(cookie).GetAsync("/admin")).StatusCode);

        var token = await Staff.TokenAsync(browser, "/admin", "form[action='/account/logout']");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/account/logout", Staff.Form(token))).StatusCode);

        var replay = await CookieClient(cookie).GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/account/login", replay.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_on_one_device_leaves_the_same_editor_signed_in_on_another()
    {
        var email = await Staff.CreateAsync(_portal, StaffRoles.Editor);
        var phone = Staff.Client(_portal);
        var laptop = Staff.Client(_portal);
        await Staff.SignInAsync(phone, email, Staff.Password);
        await Staff.SignInAsync(laptop, email, Staff.Password);

        var token = await Staff.TokenAsync(phone, "/admin", "form[action='/account/logout']");
        await phone.PostAsync("/account/logout", Staff.Form(token));

        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/admin")).StatusCode);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("wrong password")]
    [InlineData("disabled")]
    [InlineData("locked out")]
    public async Task Every_failed_sign_in_checks_one_password_hash_so_its_time_does_not_tell_whether_the_account_exists(string kind)
    {
        var portal = WithCountingHasher();
        var email = $"timing-{Guid.NewGuid():N}@example.org";
        if (kind != "unknown")
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            Assert.True((await accounts.CreateAsync(email, StaffRoles.Editor, Staff.Password)).Succeeded);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            if (kind == "disabled")
            {
                Assert.True((await accounts.SetDisabledAsync(user, true)).Succeeded);
            }
            if (kind == "locked out")
            {
                await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1));
            }
        }
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var token = await Staff.TokenAsync(client, "/account/login");

        _hasher.Verifications = 0;
        var response = await client.PostAsync("/account/login", Staff.Form(token, ("Email", email), ("Password", "not the password")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _hasher.Verifications);
    }

    /// <summary>The real hasher, counting how often a password is checked against a hash.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _inner = new();
        private int _verifications;

        public int Verifications { get => Volatile.Read(ref _verifications); set => Volatile.Write(ref _verifications, value); }

        public string HashPassword(StaffUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

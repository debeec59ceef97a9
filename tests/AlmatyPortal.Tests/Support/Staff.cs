using System.Net;
using System.Text.RegularExpressions;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Support;

/// <summary>Staff accounts and signed-in browsers-without-a-browser for the admin tests.</summary>
public static partial class Staff
{
    public const string Password = "correct horse battery staple";

    public static async Task<string> CreateAsync(PortalFactory portal, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await portal.WithServicesAsync(async sp =>
        {
            var result = await sp.GetRequiredService<StaffAccounts>().CreateAsync(email, role, Password);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            return true;
        });
        return email;
    }

    /// <summary>A client over https (the staff cookie is Secure) that keeps cookies and does not follow redirects.</summary>
    public static HttpClient Client(PortalFactory portal) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    public static async Task<HttpClient> SignedInAsync(PortalFactory portal, string role)
    {
        var email = await CreateAsync(portal, role);
        var client = Client(portal);
        var response = await SignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var token = await TokenAsync(client, "/account/login");
        var url = "/account/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        return await client.PostAsync(url, Form(token, ("Email", email), ("Password", password)));
    }

    /// <summary>The antiforgery token of the form on a page.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = TokenField().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {url}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static FormUrlEncodedContent Form(string? token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Concat(token is null ? [] : [new KeyValuePair<string, string>("__RequestVerificationToken", token)]));

    public static Task<StaffUser?> FindAsync(PortalFactory portal, string email) =>
        portal.WithServicesAsync(sp => sp.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

using System.Net;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Support;

/// <summary>Staff accounts and signed-in browsers-without-a-browser for the admin tests.</summary>
public static class Staff
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

    /// <summary>
    /// The antiforgery token inside one of the page's own forms (the admin menu's sign-out form does not count),
    /// so a form that forgot its token fails here as it would in a browser.
    /// </summary>
    public static async Task<string> TokenAsync(HttpClient client, string url, string formSelector = "form")
    {
        var html = await client.GetStringAsync(url);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var token = document.QuerySelectorAll(formSelector)
            .Where(f => (formSelector != "form" || f.GetAttribute("action") != "/account/logout") && string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            .Select(f => f.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value"))
            .FirstOrDefault(v => v is not null);
        Assert.True(token is not null, $"no form on {url} matching '{formSelector}' carries an antiforgery token");
        return token;
    }

    public static FormUrlEncodedContent Form(string? token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Concat(token is null ? [] : [new KeyValuePair<string, string>("__RequestVerificationToken", token)]));

    public static Task<StaffUser?> FindAsync(PortalFactory portal, string email) =>
        portal.WithServicesAsync(sp => sp.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email));

}

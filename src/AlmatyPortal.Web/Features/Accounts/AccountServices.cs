using Microsoft.AspNetCore.Identity;

namespace AlmatyPortal.Web.Features.Accounts;

/// <summary>Staff accounts: Identity on the portal database, a secure cookie, lockout and a rate-limited sign-in.</summary>
public static class AccountServices
{
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                // "Confirmed" here means "not disabled": see EnabledAccountConfirmation.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddUserConfirmation<EnabledAccountConfirmation>();

        // Every request re-checks the security stamp, so disabling a user or changing a password ends their other sessions at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "__Host-portal-staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // A signed-in editor asking for an admin page gets a plain 403, shown by the site's status page.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                SecurityEvents.AccessDenied(context.HttpContext);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Sessions live on the server; the cookie holds only a key, so signing out revokes it everywhere it was copied.
        services.AddSingleton<StaffSessionStore>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<StaffSessionStore>((o, store) => o.SessionStore = store);

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.StaffPolicy, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin, StaffRoles.Editor))
            .AddPolicy(StaffRoles.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin));

        services.AddScoped<SignInThrottle>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<SignInService>();
        services.AddHttpContextAccessor();
        return services;
    }
}

using AlmatyPortal.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace AlmatyPortal.Web.Features.Accounts;

/// <summary>Creates, disables and resets staff accounts; every change is audited and ends the user's other sessions.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, Infrastructure.PortalDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> t)
{
    public async Task<IdentityResult> CreateAsync(string email, string role, string password, string? displayName = null)
    {
        if (!StaffRoles.All.Contains(role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "Role", Description = t["Role must be {0}.", string.Join(" / ", StaffRoles.All)].Value });
        }
        var user = new StaffUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Trim() : displayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return result;
        }
        result = await users.AddToRoleAsync(user, role);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditLog.UserChange, user.Email!, AuditText.Format(AuditText.CreatedAs, role));
        }
        return result;
    }

    public async Task<IdentityResult> SetDisabledAsync(StaffUser user, bool disabled)
    {
        user.IsDisabled = disabled;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            // A new security stamp signs the user out everywhere at their next request.
            await users.UpdateSecurityStampAsync(user);
            await audit.WriteAsync(AuditLog.UserChange, user.Email!, disabled ? "disabled" : "enabled");
        }
        return result;
    }

    public async Task<IdentityResult> ResetPasswordAsync(StaffUser user, string newPassword)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await audit.WriteAsync(AuditLog.UserChange, user.Email!, "password reset by an admin");
        }
        return result;
    }

    public async Task<IdentityResult> SetRoleAsync(StaffUser user, string role)
    {
        if (!StaffRoles.All.Contains(role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "Role", Description = t["Unknown role."].Value });
        }
        var current = await users.GetRolesAsync(user);
        if (current.SequenceEqual([role]))
        {
            return IdentityResult.Success;
        }
        var result = await users.RemoveFromRolesAsync(user, current);
        result = result.Succeeded ? await users.AddToRoleAsync(user, role) : result;
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
            await audit.WriteAsync(AuditLog.UserChange, user.Email!, AuditText.Format(AuditText.RoleSetTo, role));
        }
        return result;
    }

    /// <summary>Creates the configured first admin when no admin exists yet.</summary>
    public async Task EnsureFirstAdminAsync(AdminOptions options, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(options.Email) || string.IsNullOrEmpty(options.Password))
        {
            return;
        }
        if ((await users.GetUsersInRoleAsync(StaffRoles.Admin)).Count > 0)
        {
            return;
        }
        var existing = await users.FindByEmailAsync(options.Email);
        var result = existing is null
            ? await CreateAsync(options.Email, StaffRoles.Admin, options.Password)
            : await SetRoleAsync(existing, StaffRoles.Admin);
        if (result.Succeeded)
        {
            logger.LogInformation("Created the first admin account {Email}", options.Email);
        }
        else
        {
            throw new InvalidOperationException("The first admin from Admin:Email could not be created: "
                + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Every account with its role, in one query.</summary>
    public async Task<IReadOnlyList<(StaffUser User, string Role)>> ListAsync(CancellationToken ct) =>
        (await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new
            {
                User = u,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(ct))
        .Select(x => (x.User, x.Role ?? "")).ToList();
}

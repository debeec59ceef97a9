using Microsoft.AspNetCore.Identity;

namespace AlmatyPortal.Web.Features.Accounts;

/// <summary>A member of staff who signs in to the admin area: an editor or an admin.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in, and its sessions end.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>The two staff roles. Readers have no accounts.</summary>
public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";

    public static readonly IReadOnlyList<string> All = [Admin, Editor];

    /// <summary>Policy: any signed-in member of staff.</summary>
    public const string StaffPolicy = "Staff";

    /// <summary>Policy: admins only (users, audit log).</summary>
    public const string AdminPolicy = "AdminOnly";
}

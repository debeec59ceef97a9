using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.Accounts;

/// <summary>
/// One signed-in staff session, kept on the server: the cookie carries only its key, so signing out deletes the row
/// and a copied cookie is dead from that moment, while the same person's sessions elsewhere go on.
/// </summary>
public sealed class StaffSession
{
    public const int KeyLength = 64;

    public string Key { get; set; } = "";
    public string UserId { get; set; } = "";
    public byte[] Ticket { get; set; } = [];
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
}

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(StaffSession.KeyLength);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresUtc);
    }
}

/// <summary>The cookie handler's session store, over the portal database (shared by every instance that shares it).</summary>
internal sealed class StaffSessionStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.PortalDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        // Expired sessions go whenever a new one starts: the table holds only live sessions and a few stale ones.
        await db.Set<StaffSession>().Where(s => s.ExpiresUtc < now).ExecuteDeleteAsync();
        var session = new StaffSession
        {
            Key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(StaffSession.KeyLength / 2)),
            UserId = ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "",
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedUtc = now,
            ExpiresUtc = Expiry(ticket, now),
        };
        db.Add(session);
        await db.SaveChangesAsync();
        return session.Key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.PortalDbContext>();
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = Expiry(ticket, clock.GetUtcNow().UtcDateTime);
        // A renewal never brings back a session that was signed out meanwhile.
        await db.Set<StaffSession>().Where(s => s.Key == key)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresUtc, expires));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.PortalDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var bytes = await db.Set<StaffSession>().AsNoTracking()
            .Where(s => s.Key == key && s.ExpiresUtc > now).Select(s => s.Ticket).FirstOrDefaultAsync();
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.PortalDbContext>();
        await db.Set<StaffSession>().Where(s => s.Key == key).ExecuteDeleteAsync();
    }

    private static DateTime Expiry(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + DefaultLifetime;
}

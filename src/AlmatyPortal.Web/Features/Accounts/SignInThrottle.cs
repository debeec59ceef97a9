using System.Net;

namespace AlmatyPortal.Web.Features.Accounts;

/// <summary>
/// At most <see cref="AttemptsPerMinute"/> sign-in attempts a minute from one address, counted in the database by
/// <see cref="ClientWindows"/>, so the limit holds across every instance. Reading the sign-in page is not counted.
/// </summary>
public sealed class SignInThrottle(ClientWindows windows)
{
    public const int AttemptsPerMinute = 10;
    public const string Purpose = "sign-in";

    /// <summary>Counts an attempt; false when the address has used up the last minute's attempts.</summary>
    public Task<bool> AllowAsync(IPAddress? address, CancellationToken ct = default) => windows.AllowAsync(Purpose, address, AttemptsPerMinute, ct);
}

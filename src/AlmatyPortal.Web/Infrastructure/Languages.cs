namespace AlmatyPortal.Web.Infrastructure;

/// <summary>The languages content can be written in; the first is the default.</summary>
public static class Languages
{
    public const string Default = "en";
    public static readonly IReadOnlyList<string> Supported = ["en", "ru"];

    public static bool IsSupported(string? code) => code is not null && Supported.Contains(code);
}

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>The languages content can be written in; the first is the default.</summary>
public static class Languages
{
    public const string Default = "en";
    public static readonly IReadOnlyList<string> Supported = ["en", "ru"];

    /// <summary>The language's name in itself, for the language switcher: "English", "Русский".</summary>
    public static string NativeName(string code)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo(code);
        return culture.TextInfo.ToUpper(culture.NativeName[0]) + culture.NativeName[1..];
    }

    /// <summary>The language's English name ("English", "Russian"): the key under which the interface names it.</summary>
    public static string EnglishName(string code) => System.Globalization.CultureInfo.GetCultureInfo(code).EnglishName;

    public static bool IsSupported(string? code) => code is not null && Supported.Contains(code);
}

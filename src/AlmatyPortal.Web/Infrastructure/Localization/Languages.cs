namespace AlmatyPortal.Web.Infrastructure.Localization;

/// <summary>
/// The languages content can be written in; the first is the default. A language is supported when the portal has
/// interface resources for it (a satellite assembly built from <c>Resources/SharedResource.{code}.resx</c>), so a
/// third language, Kazakh, takes a resource file and content, and no code.
/// </summary>
public static class Languages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> Supported =
        Discover(AppContext.BaseDirectory, typeof(Languages).Assembly.GetName().Name + ".resources.dll");

    /// <summary>The default language, then every language with a folder holding the portal's resources, in code order.</summary>
    public static IReadOnlyList<string> Discover(string folder, string resourceAssembly) =>
    [
        Default,
        .. (Directory.Exists(folder) ? Directory.EnumerateDirectories(folder) : [])
            .Select(Path.GetFileName)
            .Where(code => code is { Length: 2 } && code.All(char.IsAsciiLetterLower) && code != Default && File.Exists(Path.Combine(folder, code, resourceAssembly)))
            .Order(StringComparer.Ordinal)!,
    ];

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

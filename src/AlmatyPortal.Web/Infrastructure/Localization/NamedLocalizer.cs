using System.Globalization;
using AlmatyPortal.Web.Features.Names;

namespace AlmatyPortal.Web.Infrastructure.Localization;

/// <summary>
/// The shared localizer: a reference name translated by staff or content first, then the resource files.
/// Interface text and names are looked up the same way, by their English text.
/// </summary>
internal sealed class NamedLocalizer(IStringLocalizerFactory factory, NameBook book) : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer _resources = factory.Create(typeof(SharedResource));

    public LocalizedString this[string name]
    {
        get
        {
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            return language != Languages.Default && book.Find(language, name) is { } translated
                ? new LocalizedString(name, translated)
                : _resources[name];
        }
    }

    public LocalizedString this[string name, params object[] arguments] => _resources[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _resources.GetAllStrings(includeParentCultures);
}

using System.Collections.Concurrent;
using System.Globalization;
using AlmatyPortal.Web.Features.Names;

namespace AlmatyPortal.Web.Infrastructure.Localization;

/// <summary>
/// The shared localizer: a reference name translated by staff or content first, then the resource files.
/// Interface text and names are looked up the same way, by their English text.
/// </summary>
/// <remarks>
/// One instance for the process. The resource files are compiled in and never change while it runs, so a string found
/// there is kept, per culture, as a finished <see cref="LocalizedString"/> after its first lookup. Looking it up through
/// the resource manager on every call (its locks, its culture chain, a new result each time) was 2 % of an uncached
/// Russian article. Only found strings are kept, so the table holds at most the resource files' names: a name they lack
/// (a tag, a section) goes to the resource manager every time, as before.
/// </remarks>
internal sealed class NamedLocalizer(IStringLocalizerFactory factory, NameBook book) : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer _resources = factory.Create(typeof(SharedResource));
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _found = new();

    public LocalizedString this[string name]
    {
        get
        {
            var culture = CultureInfo.CurrentUICulture;
            var language = culture.TwoLetterISOLanguageName;
            if (language != Languages.Default && book.Find(language, name) is { } translated)
            {
                return new LocalizedString(name, translated);
            }
            if (_found.TryGetValue((culture.Name, name), out var known))
            {
                return known;
            }
            var text = _resources[name];
            if (!text.ResourceNotFound)
            {
                _found.TryAdd((culture.Name, name), text);
            }
            return text;
        }
    }

    public LocalizedString this[string name, params object[] arguments] => _resources[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _resources.GetAllStrings(includeParentCultures);
}

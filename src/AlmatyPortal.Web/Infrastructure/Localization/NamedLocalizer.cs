using System.Collections.Concurrent;
using System.Globalization;
using AlmatyPortal.Web.Features.Names;

namespace AlmatyPortal.Web.Infrastructure.Localization;

/// <summary>
/// The shared localizer: a reference name translated by staff or content first, then the resource files.
/// Interface text and names are looked up the same way, by their English text.
/// </summary>
/// <remarks>
/// One instance for the process. The resource files are compiled in and never change while it runs, so the answer for a
/// name is kept, per culture, as a finished <see cref="LocalizedString"/> after its first lookup. Looking it up through
/// the resource manager on every call (its locks, its culture chain, a new result each time) was 2 % of an uncached
/// Russian article. A name the files lack (an organisation, a country, a tag) is kept as not found, up to
/// <see cref="MaxNotFound"/> of them: the conference page asks for some fifty such names; past the cap a name goes to the
/// resource manager every time, so content with ever more names cannot grow the table without bound.
/// </remarks>
internal sealed class NamedLocalizer(IStringLocalizerFactory factory, NameBook book) : IStringLocalizer<SharedResource>
{
    public const int MaxNotFound = 4096;

    private readonly IStringLocalizer _resources = factory.Create(typeof(SharedResource));
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _known = new();
    private int _notFound;

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
            if (_known.TryGetValue((culture.Name, name), out var known))
            {
                return known;
            }
            var text = _resources[name];
            // Past the cap the count is no longer raised, so it cannot wrap round to let names in again.
            if (!text.ResourceNotFound || (Volatile.Read(ref _notFound) < MaxNotFound && Interlocked.Increment(ref _notFound) <= MaxNotFound))
            {
                _known.TryAdd((culture.Name, name), text);
            }
            return text;
        }
    }

    public LocalizedString this[string name, params object[] arguments] => _resources[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _resources.GetAllStrings(includeParentCultures);
}

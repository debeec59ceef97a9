using System.Globalization;
using AlmatyPortal.Web.Features.Names;
using AlmatyPortal.Web.Features.PageCache;
using AlmatyPortal.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlmatyPortal.Tests.Unit;

/// <summary>The shared localizer keeps what the resource files answered, and keeps a bounded number of names they lack.</summary>
public sealed class NamedLocalizerTests
{
    [Fact]
    public void A_name_the_resource_files_lack_is_asked_of_them_once_until_the_cap_and_on_every_call_after_it()
    {
        var files = new CountingFiles();
        // The name book is empty and never reloaded here, so its purge is never called.
        var localizer = new NamedLocalizer(files, new NameBook(new PagePurge(null!, [], null!, TimeProvider.System, NullLogger<PagePurge>.Instance)));
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("ru");
        try
        {
            var first = localizer["Tashkent"];
            var second = localizer["Tashkent"];
            Assert.Equal(("Tashkent", true), (second.Value, second.ResourceNotFound));
            Assert.Equal(first.Value, second.Value);
            Assert.Equal(1, files.Asked("Tashkent"));

            for (var i = 1; i < NamedLocalizer.MaxNotFound; i++)
            {
                _ = localizer[$"Organisation {i}"];
            }
            _ = localizer["Past the cap"];
            _ = localizer["Past the cap"];
            _ = localizer["Home"];
            _ = localizer["Home"];

            Assert.Equal(2, files.Asked("Past the cap"));
            // A name the files hold is kept past the cap: their names are a bounded set.
            Assert.Equal(1, files.Asked("Home"));
            Assert.Equal("Главная", localizer["Home"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>Resource files that hold one name, "Home", and count how often each name is asked of them.</summary>
    private sealed class CountingFiles : IStringLocalizerFactory, IStringLocalizer
    {
        private readonly Dictionary<string, int> _asked = [];

        public int Asked(string name) => _asked.GetValueOrDefault(name);

        public LocalizedString this[string name]
        {
            get
            {
                _asked[name] = Asked(name) + 1;
                return name == "Home" ? new LocalizedString(name, "Главная") : new LocalizedString(name, name, resourceNotFound: true);
            }
        }

        public LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];

        public IStringLocalizer Create(Type resourceSource) => this;

        public IStringLocalizer Create(string baseName, string location) => this;
    }
}

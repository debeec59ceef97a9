using AlmatyPortal.Web.Infrastructure.Localization;

namespace AlmatyPortal.Tests.Unit;

public sealed class LanguagesTests
{
    [Fact]
    public void English_and_russian_are_supported_because_the_portal_has_russian_resources() =>
        Assert.Equal(["en", "ru"], Languages.Supported);

    [Fact]
    public void A_kazakh_resource_assembly_is_all_it_takes_to_add_kazakh()
    {
        var folder = Path.Combine(Path.GetTempPath(), "almaty-languages", Guid.NewGuid().ToString("N"));
        foreach (var (code, file) in new[] { ("ru", "AlmatyPortal.Web.resources.dll"), ("kk", "AlmatyPortal.Web.resources.dll"), ("de", "Microsoft.Other.resources.dll"), ("zh-Hans", "AlmatyPortal.Web.resources.dll") })
        {
            Directory.CreateDirectory(Path.Combine(folder, code));
            File.WriteAllText(Path.Combine(folder, code, file), "");
        }
        try
        {
            Assert.Equal(["en", "kk", "ru"], Languages.Discover(folder, "AlmatyPortal.Web.resources.dll"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using AlmatyPortal.Web.Features.Audit;
using Microsoft.Extensions.Localization;

namespace AlmatyPortal.Tests.Unit;

public sealed class AuditTextTests
{
    private sealed class Dictionary(IReadOnlyDictionary<string, string> words) : IStringLocalizer
    {
        public LocalizedString this[string name] => words.TryGetValue(name, out var value) ? new(name, value) : new(name, name, resourceNotFound: true);
        public LocalizedString this[string name, params object[] arguments] =>
            words.TryGetValue(name, out var value) ? new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, value, arguments)) : new(name, name, resourceNotFound: true);
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static readonly Dictionary Russian = new(new Dictionary<string, string>
    {
        ["article {0} ({1})"] = "статья {0} ({1})",
        ["{0} for {1}"] = "{0} на {1}",
        ["role set to {0}"] = "назначена роль «{0}»",
        ["(audit) publish"] = "публикация",
        ["(audit) scheduled"] = "запланировано",
        ["Publish"] = "Опубликовать",
        ["Editor"] = "Редактор",
    });

    [Theory]
    [InlineData("article 7 (border-report)", "статья 7 (border-report)")]
    [InlineData("scheduled for 2026-12-01 04:00:00Z", "запланировано на 2026-12-01 04:00:00Z")]
    [InlineData("role set to Editor", "назначена роль «Редактор»")]
    [InlineData("publish", "публикация")]
    [InlineData("written before the template existed", "written before the template existed")]
    [InlineData("", "")]
    public void An_entry_written_in_english_reads_in_the_interface_language(string entry, string shown) =>
        Assert.Equal(shown, AuditText.Localize(entry, Russian));

    [Fact]
    public void Entries_are_written_from_the_templates_they_are_read_back_by() =>
        Assert.Equal("статья 3 (x)", AuditText.Localize(AuditText.Format(AuditText.Article, 3, "x"), Russian));
}

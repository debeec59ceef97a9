using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.Articles;

/// <summary>One thing the editor looks at before an article is published.</summary>
public enum PublishCheck
{
    ImageWithoutAltText = 0,
    ImageWithoutCredit = 1,
    HeadingLevelSkipped = 2,
    VagueLinkText = 3,
    EmptyLink = 4,
    BrokenInternalLink = 5,
    SummaryMissing = 6,
    SummaryTooLong = 7,
    TitleTooLong = 8,
    TranslationBehind = 9,
}

/// <summary>A problem found before publishing: which check, the form field it is about, and what to do, in plain words.</summary>
public sealed record PublishProblem(PublishCheck Check, string Field, string Message, bool Blocks);

/// <summary>An admin's choice that a check blocks publishing instead of only warning. A check without a row warns.</summary>
public sealed class PublishCheckSetting
{
    public PublishCheck Check { get; set; }
    public bool Blocks { get; set; }
}

internal sealed class PublishCheckSettingConfiguration : IEntityTypeConfiguration<PublishCheckSetting>
{
    public void Configure(EntityTypeBuilder<PublishCheckSetting> b)
    {
        b.ToTable("PublishCheckSettings");
        b.HasKey(s => s.Check);
    }
}

/// <summary>The plain-words name of each check, for the admin's settings page.</summary>
public static class PublishCheckNames
{
    public const int SummaryLongerThan = 300;
    public const int TitleLongerThan = 110;

    public static string Describe(PublishCheck check) => check switch
    {
        PublishCheck.ImageWithoutAltText => "An image has no alt text",
        PublishCheck.ImageWithoutCredit => "An image has no credit",
        PublishCheck.HeadingLevelSkipped => "A heading level is skipped",
        PublishCheck.VagueLinkText => "A link says only “here” or “click here”",
        PublishCheck.EmptyLink => "A link has no text or no address",
        PublishCheck.BrokenInternalLink => "A link to this site leads to no page",
        PublishCheck.SummaryMissing => "The summary is missing",
        PublishCheck.SummaryTooLong => "The summary is longer than 300 characters",
        PublishCheck.TitleTooLong => "The title is longer than 110 characters",
        PublishCheck.TranslationBehind => "The translation fell behind its source",
        _ => check.ToString(),
    };
}

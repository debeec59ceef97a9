using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlmatyPortal.Tests.Integration;

/// <summary>
/// Related stories rank by what an article shares: a conference (10), each tag (1) unless the tag is on more than
/// <see cref="RelatedStories.TagLimit"/> articles, then the newest; only published articles are shown.
/// </summary>
public class RelatedStoriesTests : IDisposable
{
    private readonly PortalFactory _portal;

    public RelatedStoriesTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected RelatedStoriesTests(PortalDatabase database) => _portal = new(null, database: database);

    public void Dispose()
    {
        _portal.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_shared_conference_outranks_shared_tags_ties_go_to_the_newest_and_crowded_tags_and_drafts_do_not_count()
    {
        var subject = await _portal.WithDbAsync(async db =>
        {
            var section = await db.Sections.SingleAsync(s => s.Slug == "news");
            Tag NewTag(string slug) => new() { Slug = slug, Name = slug };
            var (a, b, crowded) = (NewTag("related-a"), NewTag("related-b"), NewTag("related-crowded"));
            var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            Article New(string slug, int day, PublicationStatus status, params Tag[] tags) => new()
            {
                Slug = slug, Title = slug, BodyMarkdown = slug, BodyHtml = slug, Status = status, PublishAt = start.AddDays(day),
                Section = section, Tags = [.. tags], CreatedAt = start, UpdatedAt = start,
            };
            var subject = New("related-subject", 0, PublicationStatus.Published, a, b, crowded);
            var conference = new Conference
            {
                Slug = "related-conference", Title = "Related conference", City = "Almaty", Status = PublicationStatus.Published,
                StartDate = new DateOnly(2020, 1, 1), EndDate = new DateOnly(2020, 1, 2), CreatedAt = start, UpdatedAt = start,
                Articles = [subject, New("related-x", 1, PublicationStatus.Published)],
            };
            db.Add(conference);
            db.AddRange(
                New("related-y", 2, PublicationStatus.Published, a, b),
                New("related-z", 3, PublicationStatus.Published, a),
                New("related-q", 4, PublicationStatus.Published, a),
                New("related-draft", 5, PublicationStatus.Draft, a, b));
            // The crowded tag is on more articles than the limit; were it counted, these newer ones would fill the list.
            db.AddRange(Enumerable.Range(0, RelatedStories.TagLimit).Select(i => New($"related-crowd-{i}", 10, PublicationStatus.Draft, crowded)));
            await db.SaveChangesAsync();
            return subject.Id;
        });

        var related = await _portal.WithServicesAsync(sp => sp.GetRequiredService<NewsQueries>().RelatedAsync(subject, 4, CancellationToken.None));

        Assert.Equal(["related-x", "related-y", "related-q", "related-z"], related.Select(r => r.Slug));
    }
}

/// <summary>The same ranking on PostgreSQL, whose query walks the tags differently.</summary>
public sealed class RelatedStoriesOnPostgreSqlTests() : RelatedStoriesTests(PortalDatabase.PostgreSql);

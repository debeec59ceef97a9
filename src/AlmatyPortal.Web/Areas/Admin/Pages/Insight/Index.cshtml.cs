using System.Globalization;
using System.Text;
using AlmatyPortal.Web.Features.Insight;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Insight;

public sealed class IndexModel(InsightQueries insight, IOptions<InsightOptions> options, OfficeClock clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public InsightView View { get; private set; } = null!;
    public bool CountsReads => options.Value.CountReads;
    public int KeepDays => options.Value.KeepDays;

    public async Task OnGetAsync(CancellationToken ct) => View = await insight.DashboardAsync(ct);

    /// <summary>The counts as CSV, a line per day and page, for the last <paramref name="days"/> days.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? days, CancellationToken ct)
    {
        if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > options.Value.KeepDays)
        {
            return BadRequest(t["Choose a number of days from 1 to {0}.", options.Value.KeepDays].Value);
        }
        var csv = await insight.CsvAsync(count, ct);
        var name = $"almaty-portal-insight-{clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{count.ToString(CultureInfo.InvariantCulture)}d.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", name);
    }
}

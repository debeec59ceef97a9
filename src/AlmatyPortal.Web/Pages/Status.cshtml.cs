
namespace AlmatyPortal.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class StatusModel(Microsoft.Extensions.Options.IOptions<Infrastructure.PortalOptions> options) : PageModel
{
    public int Code { get; private set; }

    /// <summary>The upload limit in megabytes, for the 413 page.</summary>
    public string MaxUploadMegabytes => (options.Value.MaxUploadBytes / (1024 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture);

    public void OnGet(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Code;
    }

    public void OnPost(int code) => OnGet(code);
}

namespace AlmatyPortal.Web.Features.News;

/// <summary>A keyword that groups articles across sections.</summary>
public sealed class Tag
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public List<Article> Articles { get; set; } = [];
}

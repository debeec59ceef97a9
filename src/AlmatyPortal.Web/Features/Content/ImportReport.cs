namespace AlmatyPortal.Web.Features.Content;

/// <summary>What an import did, and each file it could not take, with the reason.</summary>
public sealed class ImportReport
{
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public List<ImportProblem> Problems { get; } = [];

    public bool HasProblems => Problems.Count > 0;

    public void Problem(string file, string message) => Problems.Add(new ImportProblem(file, message));

    internal void Count(bool created, bool changed)
    {
        if (created) { Created++; }
        else if (changed) { Updated++; }
        else { Unchanged++; }
    }

    public override string ToString() =>
        $"{Created} created, {Updated} updated, {Unchanged} unchanged, {Problems.Count} problem(s)"
        + string.Concat(Problems.Select(p => $"{Environment.NewLine}  {p}"));
}

/// <summary>One file's problem: which file, and what is wrong with it.</summary>
public sealed record ImportProblem(string File, string Message)
{
    public override string ToString() => $"{File}: {Message}";
}

using System.Reflection;

namespace AlmatyPortal.Tests.Architecture;

/// <summary>Feature folders depend on each other one way only (STYLE.md habit 13).</summary>
public sealed class FeatureBoundaryTests
{
    private static readonly Assembly Portal = typeof(Program).Assembly;

    [Fact]
    public void No_feature_folder_uses_a_feature_that_uses_it_back()
    {
        var edges = FeatureDependencies.Of(Portal);

        var cycles = edges.Keys.Where(e => string.CompareOrdinal(e.From, e.To) < 0 && edges.ContainsKey((e.To, e.From)))
            .Select(e => $"{e.From} <-> {e.To}:\n    {edges[e]}\n    {edges[(e.To, e.From)]}").ToList();

        Assert.True(cycles.Count == 0, "Feature folders that use each other:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void No_chain_of_feature_folders_leads_back_to_where_it_started()
    {
        var edges = FeatureDependencies.Of(Portal);
        var next = edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());

        foreach (var start in next.Keys)
        {
            var seen = new HashSet<string>();
            var path = new Stack<string>();
            if (Reaches(start, start, next, seen, path))
            {
                Assert.Fail("A cycle of feature folders: " + string.Join(" -> ", path.Reverse().Prepend(start)));
            }
        }
    }

    [Fact]
    public void The_walk_finds_known_uses_so_an_empty_graph_cannot_pass_the_tests_above()
    {
        var edges = FeatureDependencies.Of(Portal);

        // Two uses the walk must see: the feeds read news, and the article editor stages uploads through the media library.
        Assert.Contains(edges.Keys, e => e.From == "Feeds" && e.To == "News");
        Assert.Contains(edges.Keys, e => e.From == "Articles" && e.To == "Media");
    }

    private static bool Reaches(string from, string target, Dictionary<string, List<string>> next, HashSet<string> seen, Stack<string> path)
    {
        foreach (var to in next.GetValueOrDefault(from) ?? [])
        {
            path.Push(to);
            if (to == target || seen.Add(to) && Reaches(to, target, next, seen, path))
            {
                return true;
            }
            path.Pop();
        }
        return false;
    }
}

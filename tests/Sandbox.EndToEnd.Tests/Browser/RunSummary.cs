using System.Text;
using System.Text.Json;

namespace Sandbox.EndToEnd.Tests.Browser;

/// <summary>
/// What the browser tests found, for the report of a run: axe counts per page visited and the
/// measured times. Rewritten as <c>summary.json</c> and <c>summary.md</c> in the artifacts folder
/// after every entry, so even a run that stops half-way leaves what it saw.
/// </summary>
public static class RunSummary
{
    private static readonly Lock Gate = new();
    private static readonly List<AxeRow> AxeRows = [];
    private static readonly List<TimingRow> TimingRows = [];
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>One page's axe result: violations counted by impact.</summary>
    public sealed record AxeRow(string Test, string Page, string Url, int Critical, int Serious, int Moderate, int Minor, int Passes, int Incomplete);

    /// <summary>One measured duration.</summary>
    public sealed record TimingRow(string Test, string Name, double Milliseconds);

    public static void Add(AxeRow row) => Write(() => AxeRows.Add(row));

    public static void Add(TimingRow row) => Write(() => TimingRows.Add(row));

    private static void Write(Action add)
    {
        lock (Gate)
        {
            add();
            File.WriteAllText(Path.Combine(Artifacts.Root, "summary.json"),
                JsonSerializer.Serialize(new { axe = AxeRows, timings = TimingRows, medians = Medians() }, Json));
            File.WriteAllText(Path.Combine(Artifacts.Root, "summary.md"), Markdown());
        }
    }

    private static Dictionary<string, double> Medians() =>
        TimingRows.GroupBy(t => t.Name).ToDictionary(g => g.Key, g => Median(g.Select(t => t.Milliseconds)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Markdown()
    {
        var md = new StringBuilder("# Browser test run\n\n## axe-core (WCAG 2.1 A and AA)\n\n");
        md.AppendLine("| page | url | critical | serious | moderate | minor | passes | incomplete | test |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in AxeRows)
        {
            md.AppendLine($"| {r.Page} | {r.Url} | {r.Critical} | {r.Serious} | {r.Moderate} | {r.Minor} | {r.Passes} | {r.Incomplete} | {r.Test} |");
        }
        if (TimingRows.Count == 0) return md.ToString();
        md.AppendLine("\n## Timings (ms)\n\n| measure | runs | p50 | min | max |\n|---|---|---|---|---|");
        foreach (var g in TimingRows.GroupBy(t => t.Name))
        {
            var ms = g.Select(t => t.Milliseconds).ToArray();
            md.AppendLine($"| {g.Key} | {ms.Length} | {Median(ms):F0} | {ms.Min():F0} | {ms.Max():F0} |");
        }
        return md.ToString();
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sandbox.Feel.Tests.Conformance;

/// <summary>One case of TestData/feel/cases.json, and the known-gaps list that excuses a case with a reason.</summary>
public sealed record ConformanceCase(string Expression, JsonObject? Context, JsonNode? Expected, string Source)
{
    private static readonly string DataFolder = Path.Combine(AppContext.BaseDirectory, "TestData", "feel");

    public static IReadOnlyList<ConformanceCase> All { get; } = Load();

    /// <summary>Source of each excused case and its reason.</summary>
    public static IReadOnlyDictionary<string, string> KnownGaps { get; } = LoadGaps();

    private static List<ConformanceCase> Load()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(DataFolder, "cases.json")))!.AsArray();
        return json.Select(c => new ConformanceCase(
            (string)c!["expression"]!,
            c["context"] as JsonObject,
            c["expected"]?.DeepClone(),
            (string)c["source"]!)).ToList();
    }

    private static Dictionary<string, string> LoadGaps()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "known-gaps.json");
        var gaps = JsonSerializer.Deserialize<List<Gap>>(File.ReadAllText(path), JsonSerializerOptions.Web) ?? [];
        return gaps.ToDictionary(g => g.Source, g => g.Reason);
    }

    private sealed record Gap(string Source, string Reason);

    public override string ToString() => $"{Source}: {Expression}";
}

using System.Text.Json.Nodes;

namespace Sandbox.Feel.Benchmarks;

/// <summary>An expression with its variables, shared with the feelin script through benchmark-cases.json.</summary>
public sealed record BenchmarkCase(string Name, string Expression, JsonObject Variables)
{
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "benchmark-cases.json");

    public static IReadOnlyDictionary<string, BenchmarkCase> Load() =>
        JsonNode.Parse(File.ReadAllText(FilePath))!.AsArray()
            .Select(c => new BenchmarkCase((string)c!["name"]!, (string)c["expression"]!, c["variables"]!.AsObject()))
            .ToDictionary(c => c.Name);
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fluid;
using Sandbox.Workflow.EServices;

namespace Sandbox.Workflow.Tests.EServices;

/// <summary>The sample's notification templates parse as Liquid (Fluid, as the notifications service renders them).</summary>
public sealed partial class SampleTemplatesTests
{
    // What every notification of the sample carries: the submission's reference and the form's required school.
    private static readonly string[] AlwaysThere = ["reference", "school"];

    private static readonly FluidParser Parser = new();

    public static TheoryData<string> Templates() => [.. Directory.GetFiles(Path.Combine(SamplePackage.Folder, "templates"), "*.yaml").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_ParsesInEveryLanguage_AndPrintsOnlyDataEveryCaseHasOutsideConditions(string file)
    {
        var template = YamlJson.Parse(file, File.ReadAllText(Path.Combine(SamplePackage.Folder, "templates", file)))!.AsObject();
        var variants = template["variants"]!.AsObject();

        Assert.Equal(["en", "fi", "nb", "nn", "sv"], variants.Select(v => v.Key).Order());
        foreach (var (language, variant) in variants)
        {
            foreach (var field in new[] { "subject", "body" })
            {
                var text = variant![field]!.GetValue<string>();
                Assert.True(Parser.TryParse(text, out _, out var error), $"{language}.{field}: {error}");
                var unconditional = Conditions().Replace(text, "");
                Assert.All(Printed().Matches(unconditional).Select(m => m.Groups[1].Value), name => Assert.Contains(name, AlwaysThere));
            }
        }
    }

    [Fact]
    public void RejectedTemplates_TellHowToAppeal()
    {
        foreach (var channel in new[] { "email", "inapp" })
        {
            var template = YamlJson.Parse("t", File.ReadAllText(Path.Combine(SamplePackage.Folder, "templates", $"rejected-{channel}.yaml")))!;
            var words = new Dictionary<string, string> { ["sv"] = "överklaga", ["nb"] = "klage", ["nn"] = "klage", ["fi"] = "oikaisu", ["en"] = "appeal" };
            foreach (var (language, word) in words)
            {
                Assert.Contains(word, template["variants"]![language]!["body"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [GeneratedRegex(@"\{%-?\s*if\b.*?\{%-?\s*endif\s*-?%\}", RegexOptions.Singleline)]
    private static partial Regex Conditions();

    [GeneratedRegex(@"\{\{-?\s*([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Printed();
}

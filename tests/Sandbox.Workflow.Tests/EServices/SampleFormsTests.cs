using System.Text.Json.Nodes;
using Sandbox.Forms.Validation;

namespace Sandbox.Workflow.Tests.EServices;

/// <summary>The sample forms parse and validate as the forms service will, and their translations fit them.</summary>
public sealed class SampleFormsTests
{
    private static JsonObject Read(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(SamplePackage.Folder, "forms", file)))!.AsObject();

    private static readonly FormSchema Application = FormSchema.Parse(Read("application.form"));
    private static readonly FormSchema Review = FormSchema.Parse(Read("review.form"));

    private static JsonObject Answers(string reason, bool consent = true) => new()
    {
        ["child"] = "child-subject-1", ["school"] = "Nordre skole", ["address"] = "Storgata 1, 5003 Bergen",
        ["reason"] = reason, ["details"] = "", ["consent"] = consent,
    };

    [Fact]
    public void Application_WithDistanceReason_IsValidAndDropsTheCertificate()
    {
        var data = Answers("distance");
        data["medicalCertificate"] = "attachment-1";

        var result = FormValidator.Validate(Application, data);

        Assert.Empty(result.Errors);
        Assert.False(result.Data.ContainsKey("medicalCertificate"));
        Assert.Equal("Nordre skole", result.Data["school"]!.GetValue<string>());
    }

    [Fact]
    public void Application_WithMedicalReason_NeedsTheCertificate()
    {
        var missing = FormValidator.Validate(Application, Answers("medical"), "nb");
        var data = Answers("medical");
        data["medicalCertificate"] = "attachment-1";
        var given = FormValidator.Validate(Application, data);

        Assert.Contains("medicalCertificate", missing.Errors.Keys);
        Assert.Empty(given.Errors);
        Assert.Equal("attachment-1", given.Data["medicalCertificate"]!.GetValue<string>());
    }

    [Fact]
    public void Application_WithoutConsentOrWithAnUnknownReason_IsInvalid()
    {
        var result = FormValidator.Validate(Application, Answers("boredom", consent: false));

        Assert.Contains("consent", result.Errors.Keys);
        Assert.Contains("reason", result.Errors.Keys);
    }

    [Theory]
    [InlineData("approved", true)]
    [InlineData("more-information-needed", true)]
    [InlineData("maybe", false)]
    public void Review_AcceptsTheThreeDecisions(string decision, bool valid)
    {
        var result = FormValidator.Validate(Review, new JsonObject { ["decision"] = decision, ["comment"] = "Checked the certificate." });

        Assert.Equal(valid, result.Errors.Count == 0);
    }

    [Theory]
    [InlineData("application")]
    [InlineData("review")]
    public void Translations_CoverEveryTextInEveryLanguage(string form)
    {
        var schema = Read(form + ".form");
        var expected = Texts(schema["components"]!.AsArray()).Append("$title").Order().ToList();

        foreach (var language in new[] { "sv", "nb", "fi", "en" })
        {
            var map = Read($"{form}.{language}.json");
            Assert.Equal(expected, map.Select(p => p.Key).Order().ToList());
            Assert.All(map, p => Assert.False(string.IsNullOrWhiteSpace(p.Value!.GetValue<string>()), $"{language}: {p.Key}"));
        }
    }

    // The translatable keys of the components as CONTRACTS names them: key (or id) + property.
    private static IEnumerable<string> Texts(JsonArray components)
    {
        foreach (var component in components.Select(c => c!.AsObject()))
        {
            var name = (component["key"] ?? component["id"])!.GetValue<string>();
            foreach (var property in new[] { "label", "description", "text", "placeholder" })
            {
                if (component[property] is not null) yield return $"{name}.{property}";
            }
            foreach (var value in component["values"]?.AsArray() ?? []) yield return $"{name}.values.{value!["value"]!.GetValue<string>()}";
            foreach (var inner in Texts(component["components"]?.AsArray() ?? [])) yield return inner;
        }
    }
}

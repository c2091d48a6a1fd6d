using System.Net;
using System.Text.Json.Nodes;
using Sandbox.Forms.Tests.Infrastructure;
using static Sandbox.Forms.Tests.Infrastructure.Http;

namespace Sandbox.Forms.Tests.Api;

/// <summary>The forms of the sample e-service packages publish with their translation files, and serve each language.</summary>
public sealed class SamplePackageFormsTests(SqliteFormsFixture fixture) : IClassFixture<SqliteFormsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sandbox.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Sandbox.sln not found."), "deploy", "eservices");
    }

    public static TheoryData<string> Forms() =>
        [.. Directory.GetFiles(Root(), "*.form", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root(), f)).Order()];

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Form_PublishesWithItsTranslations_AndServesEachLanguage(string file)
    {
        var path = Path.Combine(Root(), file);
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(path, Ct))!.AsObject();
        var id = NewFormId();
        schema["id"] = id;
        var translations = new JsonObject();
        foreach (var language in new[] { "sv", "nb", "fi", "en" })
        {
            var sibling = Path.ChangeExtension(path, $".{language}.json");
            if (File.Exists(sibling)) translations[language] = JsonNode.Parse(await File.ReadAllTextAsync(sibling, Ct));
        }
        var body = new JsonObject { ["schema"] = schema, ["translations"] = translations }.ToJsonString();
        var published = await fixture.App.Client(Tokens.Designer()).PostJsonAsync("/api/forms/definitions", body);
        Assert.True(published.StatusCode == HttpStatusCode.Created, await published.Content.ReadAsStringAsync(Ct));

        foreach (var (language, texts) in translations)
        {
            var served = await (await fixture.App.Client(Tokens.Citizen("c-sample")).GetAsync($"/api/forms/definitions/{id}?lang={language}", Ct)).JsonAsync();
            if (texts!["$title"] is { } title) Assert.Equal((string)title!, (string)served["schema"]!["title"]!);
        }
    }
}

using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Sandbox.Forms.Validation;
using static Sandbox.Forms.Rendering.Tests.Dom;

namespace Sandbox.Forms.Rendering.Tests;

/// <summary>The public form-js schemas in TestData/forms: each renders, page by page, with every control labelled.</summary>
public class TestDataFormTests
{
    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "forms")).Select(Path.GetFileName).OfType<string>().Order()];

    private static JsonObject Load(string file) => Json(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "forms", file)));

    [Fact]
    public void TestData_IsThere()
    {
        Assert.True(Files().Count >= 10);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryPage_Renders_WithEveryControlLabelledAndNoScriptsOrStyles(string file)
    {
        var schema = Load(file);
        var pages = FormRenderer.Pages(schema);
        Assert.NotEmpty(pages);

        foreach (int? page in pages.Select(p => (int?)p.Index).Append(null))
        {
            var doc = Parse(FormRenderer.Render(new RenderRequest(schema, "en") { Page = page }));
            AssertAccessible(doc);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ErrorsOnEveryField_AreLinkedFromTheSummaryAndWired(string file)
    {
        var schema = Load(file);
        var paths = FormRenderer.Pages(schema).SelectMany(p => p.FieldPaths).ToList();
        var errors = paths.ToDictionary(p => p, p => new[] { $"Problem with {p}" });
        var data = new JsonObject();

        var doc = Parse(FormRenderer.Render(new RenderRequest(schema, "en") { Data = data, Errors = errors }));
        var summary = Parse(FormRenderer.ErrorSummary(errors, schema, "en"));

        AssertAccessible(doc);
        foreach (var link in summary.QuerySelectorAll(".ds-error-summary a"))
        {
            var id = link.GetAttribute("href")![1..];
            var target = doc.GetElementById(id);
            if (target is null) continue; // hidden by a rule over the empty data
            Assert.NotNull(doc.GetElementById(id + "-error"));
        }
        foreach (var invalid in doc.QuerySelectorAll("[aria-invalid=true]"))
        {
            var described = invalid.Closest("fieldset[aria-describedby]")?.GetAttribute("aria-describedby") ?? invalid.GetAttribute("aria-describedby");
            Assert.Contains(described!.Split(' '), id => id.EndsWith("-error", StringComparison.Ordinal) && doc.GetElementById(id) is not null);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Answers_Render(string file)
    {
        var html = AnswersRenderer.Render(Load(file), new JsonObject(), "sv", new Dictionary<string, AttachmentInfo>());

        Assert.NotNull(Parse(html).QuerySelector("dl.form-answers"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EmptyPost_BindsToDataTheValidatorKnows(string file)
    {
        var schema = Load(file);
        var doc = Parse(FormRenderer.Render(new RenderRequest(schema, "en")));

        var data = FormPost.Bind(schema, doc.Submit(), new JsonObject(), page: null);

        var result = FormValidator.Validate(FormSchema.Parse(schema), data);
        Assert.DoesNotContain(result.Failures, f => f.Error is ValidationError.UnknownField or ValidationError.WrongType or ValidationError.NotAnOption);
    }

    private static void AssertAccessible(IDocument doc)
    {
        Assert.Empty(doc.QuerySelectorAll("script, style, [style]"));
        Assert.All(doc.QuerySelectorAll("[id]").GroupBy(e => e.Id), g => Assert.Single(g));
        foreach (var control in doc.Controls())
        {
            Assert.False(string.IsNullOrEmpty(control.Id), control.OuterHtml);
            Assert.False(string.IsNullOrWhiteSpace(doc.LabelOf(control)), control.OuterHtml);
            foreach (var id in (control.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                Assert.NotNull(doc.GetElementById(id));
        }
        Assert.All(doc.QuerySelectorAll("img"), img => Assert.True(img.HasAttribute("alt")));
    }
}

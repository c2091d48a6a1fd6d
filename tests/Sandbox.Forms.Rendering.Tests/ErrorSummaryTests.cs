using static Sandbox.Forms.Rendering.Tests.Dom;

namespace Sandbox.Forms.Rendering.Tests;

public class ErrorSummaryTests
{
    private const string Form = """
        [{ "type": "textfield", "key": "name", "label": "Name" },
         { "type": "radio", "key": "size", "label": "Size", "values": [{ "label": "S", "value": "s" }] },
         { "type": "dynamiclist", "path": "kids", "label": "Child", "components": [{ "type": "textfield", "key": "name", "label": "First name" }] }]
        """;

    private static readonly Dictionary<string, string[]> Errors = new()
    {
        ["kids[1].name"] = ["Field is required."],
        ["size"] = ["Field is required."],
        ["name"] = ["<script>alert(1)</script>"],
    };

    [Fact]
    public void ErrorSummary_LinksEachMessageToItsRenderedField_InFormOrder()
    {
        var summary = Parse(FormRenderer.ErrorSummary(Errors, Schema(Form), "en"));
        var form = Render(Form, """{ "kids": [{ "name": "a" }, { "name": "" }] }""", r => r with { Errors = Errors });

        var box = summary.QuerySelector("div.ds-error-summary")!;
        Assert.Equal("error-summary-heading", box.GetAttribute("aria-labelledby"));
        Assert.NotNull(summary.GetElementById("error-summary-heading"));
        var links = box.QuerySelectorAll("li a").ToList();
        Assert.Equal(["Name: <script>alert(1)</script>", "Size: Field is required.", "First name (Child 2): Field is required."], links.Select(a => a.TextContent));
        Assert.Empty(summary.QuerySelectorAll("script"));
        Assert.All(links, a => Assert.NotNull(form.GetElementById(a.GetAttribute("href")![1..])));
    }

    [Fact]
    public void ErrorSummary_WithoutErrors_IsEmpty()
    {
        Assert.Equal("", FormRenderer.ErrorSummary(new Dictionary<string, string[]>(), Schema(Form), "en"));
    }

    [Fact]
    public void ErrorSummary_HeadingIsInTheRequestedLanguage()
    {
        var summary = Parse(FormRenderer.ErrorSummary(Errors, Schema(Form), "fi"));

        Assert.Equal("Korjaa seuraavat kohdat jatkaaksesi:", summary.GetElementById("error-summary-heading")!.TextContent);
    }
}

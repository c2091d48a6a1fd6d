using AngleSharp.Html.Dom;
using static Sandbox.Forms.Rendering.Tests.Dom;

namespace Sandbox.Forms.Rendering.Tests;

public class ContainerRenderingTests
{
    private const string Clients = """
        [{ "type": "dynamiclist", "path": "clients", "label": "Clients", "allowAddRemove": true,
           "components": [{ "type": "textfield", "key": "name", "label": "Name" }] }]
        """;

    [Fact]
    public void Group_IsAFieldsetWithLegend_AndNestsNamesUnderItsPath()
    {
        var doc = Render("""[{ "type": "group", "label": "Applicant", "path": "applicant", "components": [{ "type": "textfield", "key": "name", "label": "Name" }] }]""",
            """{ "applicant": { "name": "Oskar" } }""");

        var input = (IHtmlInputElement)doc.QuerySelector("fieldset.ds-fieldset input")!;
        Assert.Equal("Applicant", doc.QuerySelector("fieldset > legend")!.TextContent);
        Assert.Equal(("applicant.name", "field-applicant-name", "Oskar"), (input.Name, input.Id, input.Value));
    }

    [Fact]
    public void DynamicList_RendersItsRowsAnEmptyRowAndAnAddButton()
    {
        var doc = Render(Clients, """{ "clients": [{ "name": "Ada" }, { "name": "Bo" }] }""");

        var inputs = doc.QuerySelectorAll("input[type=text]").Cast<IHtmlInputElement>().ToList();
        Assert.Equal(["clients[0].name", "clients[1].name", "clients[2].name"], inputs.Select(i => i.Name));
        Assert.Equal(["Ada", "Bo", ""], inputs.Select(i => i.Value));
        Assert.All(inputs, i => Assert.Equal("Name", doc.LabelOf(i)));
        Assert.Equal(["Clients 1", "Clients 2", "Clients 3"], doc.QuerySelectorAll("fieldset fieldset > legend").Select(l => l.TextContent));
        var add = (IHtmlButtonElement)doc.QuerySelector("button[type=submit]")!;
        Assert.Equal(("$add", "clients"), (add.Name, add.Value));
        Assert.Equal(2, doc.QuerySelectorAll("input[name='$remove']").Length);
    }

    [Fact]
    public void DynamicList_ErrorsOfARow_AreWiredToThatRowsInput()
    {
        var doc = Render(Clients, """{ "clients": [{ "name": "" }] }""",
            r => r with { Errors = new Dictionary<string, string[]> { ["clients[0].name"] = ["Field is required."] } });

        var input = doc.QuerySelector("input[name='clients[0].name']")!;
        Assert.Equal("field-clients-0--name", input.Id);
        Assert.Equal("field-clients-0--name-error", input.GetAttribute("aria-describedby"));
        Assert.NotNull(doc.GetElementById("field-clients-0--name-error"));
    }

    [Fact]
    public void DynamicList_HideRule_SeesTheRowAsThis()
    {
        var doc = Render("""
            [{ "type": "dynamiclist", "path": "kids", "label": "Kids", "components": [
               { "type": "number", "key": "age", "label": "Age" },
               { "type": "textfield", "key": "school", "label": "School", "conditional": { "hide": "=this.age < 6" } }] }]
            """, """{ "kids": [{ "age": 4 }, { "age": 9 }] }""");

        Assert.Null(doc.QuerySelector("input[name='kids[0].school']"));
        Assert.NotNull(doc.QuerySelector("input[name='kids[1].school']"));
    }

    [Fact]
    public void Text_IsMarkdownWithoutHtmlOrScriptLinks()
    {
        var doc = Render("""[{ "type": "text", "text": "# Title\n\nSome _text_ <script>alert(1)</script> [bad](javascript:alert(1)) [good](https://example.org)" }]""");

        Assert.Equal("Title", doc.QuerySelector(".form-text h2")!.TextContent);
        Assert.NotNull(doc.QuerySelector(".form-text em"));
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.DoesNotContain(doc.QuerySelectorAll("a"), a => a.GetAttribute("href")?.StartsWith("javascript", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://example.org");
    }

    [Fact]
    public void Html_IsSanitised_WithoutStylesScriptsOrFormControls()
    {
        var doc = Render("""[{ "type": "html", "content": "<p style='color:red' onclick='x()' id='field-x'>Hi</p><script>alert(1)</script><input name='evil'>" }]""");

        var p = doc.QuerySelector(".form-html p")!;
        Assert.Equal("Hi", p.TextContent);
        Assert.Empty(p.Attributes);
        Assert.Empty(doc.QuerySelectorAll("script, input, [style]"));
    }

    [Fact]
    public void Image_AlwaysHasAlt_AndUnsafeSourcesAreLeftOut()
    {
        var doc = Render("""
            [{ "type": "image", "source": "https://example.org/logo.png", "alt": "Town logo" },
             { "type": "image", "source": "https://example.org/deco.png" },
             { "type": "image", "source": "javascript:alert(1)", "alt": "x" }]
            """);

        var images = doc.QuerySelectorAll("img").ToList();
        Assert.Equal(["Town logo", ""], images.Select(i => i.GetAttribute("alt")));
        Assert.All(images, i => Assert.StartsWith("https://", i.GetAttribute("src")));
    }

    [Fact]
    public void ButtonsOfTheSchema_AreLeftToThePortal_AndSeparatorIsADivider()
    {
        var doc = Render("""[{ "type": "button", "label": "Submit", "action": "submit" }, { "type": "separator" }, { "type": "spacer" }]""");

        Assert.Empty(doc.QuerySelectorAll("button"));
        Assert.NotNull(doc.QuerySelector("hr.ds-divider"));
    }

    [Fact]
    public void TextTemplates_InsertValuesAndKeepIfBlocksWhoseConditionHolds()
    {
        var doc = Render("""
            [{ "type": "text", "text": "Hello {{name}}!{{#if late}} You are late.{{/if}}{{#if early}} Early.{{/if}}" },
             { "type": "html", "content": "<p>{{name}}</p>" }]
            """,
            """{ "name": "<i>Ada</i>", "late": true, "early": false }""");

        Assert.Equal("Hello <i>Ada</i>! You are late.", doc.QuerySelector(".form-text p")!.TextContent);
        Assert.Equal("<i>Ada</i>", doc.QuerySelector(".form-html p")!.TextContent);
        Assert.Empty(doc.QuerySelectorAll("i"));
    }

    [Fact]
    public void HeadingsOfTexts_MoveOneLevelDown_BelowThePortalsH1()
    {
        var doc = Render("""[{ "type": "text", "text": "# Title\n\n## Part" }, { "type": "html", "content": "<h1>Html</h1>" }]""");

        Assert.Equal(["H2", "H3", "H2"], doc.QuerySelectorAll("h1, h2, h3").Select(h => h.TagName));
    }
}

using AngleSharp.Html.Dom;
using static Sandbox.Forms.Rendering.Tests.Dom;

namespace Sandbox.Forms.Rendering.Tests;

public class ChoiceRenderingTests
{
    private const string Radio = """
        [{ "type": "radio", "key": "size", "label": "Size", "description": "Pick one", "validate": { "required": true },
           "values": [{ "label": "Small", "value": 1 }, { "label": "Large", "value": 2 }] }]
        """;

    [Fact]
    public void Radio_IsAFieldsetWithLegend_AndOneLabelledInputPerOption()
    {
        var doc = Render(Radio, """{ "size": 2 }""", r => r with { Errors = new Dictionary<string, string[]> { ["size"] = ["Pick a size."] } });

        var fieldset = doc.QuerySelector("fieldset.ds-fieldset")!;
        Assert.Equal("Size (required)", fieldset.QuerySelector("legend")!.TextContent);
        Assert.Equal("field-size-hint field-size-error", fieldset.GetAttribute("aria-describedby"));
        var radios = fieldset.QuerySelectorAll("input[type=radio]").Cast<IHtmlInputElement>().ToList();
        Assert.Equal(["field-size", "field-size-1"], radios.Select(r => r.Id));
        Assert.Equal(["Small", "Large"], radios.Select(r => doc.LabelOf(r)));
        Assert.Equal([false, true], radios.Select(r => r.IsChecked));
        Assert.All(radios, r => Assert.Equal("true", r.GetAttribute("aria-invalid")));
    }

    [Fact]
    public void Select_HasAnEmptyChoiceAndSelectsTheCurrentValue()
    {
        var doc = Render("""[{ "type": "select", "key": "lang", "label": "Language", "values": [{ "label": "Swedish", "value": "sv" }, { "label": "Finnish", "value": "fi" }] }]""",
            """{ "lang": "fi" }""");

        var select = (IHtmlSelectElement)doc.GetElementById("field-lang")!;
        Assert.Equal("Language", doc.LabelOf(select));
        Assert.Equal(["", "sv", "fi"], select.Options.Select(o => o.Value));
        Assert.Equal("fi", select.Value);
    }

    [Theory]
    [InlineData("checklist")]
    [InlineData("taglist")]
    public void ChecklistAndTaglist_AreCheckboxesInAFieldset(string type)
    {
        var doc = Render($$"""[{ "type": "{{type}}", "key": "days", "label": "Days", "values": [{ "label": "Mon", "value": "mon" }, { "label": "Tue", "value": "tue" }] }]""",
            """{ "days": ["tue"] }""");

        var boxes = doc.QuerySelectorAll("fieldset input[type=checkbox]").Cast<IHtmlInputElement>().ToList();
        Assert.Equal("Days", doc.QuerySelector("legend")!.TextContent);
        Assert.Equal(["days", "days"], boxes.Select(b => b.Name));
        Assert.Equal([false, true], boxes.Select(b => b.IsChecked));
        Assert.All(boxes, b => Assert.NotNull(doc.LabelOf(b)));
    }

    [Fact]
    public void ValuesKey_TakesOptionsFromTheData()
    {
        var doc = Render("""[{ "type": "radio", "key": "school", "label": "School", "valuesKey": "schools" }]""",
            """{ "schools": [{ "label": "North school", "value": "n" }] }""");

        Assert.Equal("North school", doc.LabelOf(doc.GetElementById("field-school")!));
    }

    [Fact]
    public void Checkbox_HasItsLabelAfterTheInput_AndIsCheckedWhenTrue()
    {
        var doc = Render("""[{ "type": "checkbox", "key": "agree", "label": "I agree" }]""", """{ "agree": true }""");

        var box = (IHtmlInputElement)doc.GetElementById("field-agree")!;
        Assert.True(box.IsChecked);
        Assert.Equal("true", box.Value);
        Assert.Equal("LABEL", box.NextElementSibling!.TagName);
        Assert.Equal("I agree", doc.LabelOf(box));
    }

    [Fact]
    public void Filepicker_ListsAttachedFilesByName()
    {
        var doc = Render("""[{ "type": "filepicker", "key": "docs", "label": "Documents", "multiple": true, "accept": ".pdf" }]""",
            """{ "docs": ["a1", "a2"] }""",
            r => r with { Attachments = new Dictionary<string, AttachmentInfo> { ["a1"] = new("a1", "<b>plan</b>.pdf", 2048) } });

        var input = (IHtmlInputElement)doc.GetElementById("field-docs")!;
        Assert.Equal(("file", true, ".pdf"), (input.Type, input.IsMultiple, input.Accept));
        Assert.Equal("Documents", doc.LabelOf(input));
        Assert.Contains("field-docs-files", input.GetAttribute("aria-describedby")!);
        Assert.Equal(["<b>plan</b>.pdf (2 kB)", "a2"], doc.QuerySelectorAll("#field-docs-files li").Select(li => li.TextContent));
    }
}

using AngleSharp.Html.Dom;
using static Sandbox.Forms.Rendering.Tests.Dom;

namespace Sandbox.Forms.Rendering.Tests;

public class FieldRenderingTests
{
    private const string Name = """[{ "type": "textfield", "key": "name", "label": "Your name", "description": "As in your passport", "validate": { "required": true } }]""";

    [Fact]
    public void Textfield_HasLabelBoundToInput_WithNameIdAndValue()
    {
        var doc = Render(Name, """{ "name": "Astrid" }""");

        var input = Assert.IsAssignableFrom<IHtmlInputElement>(doc.QuerySelector("input"));
        Assert.Equal("field-name", input.Id);
        Assert.Equal("name", input.Name);
        Assert.Equal("Astrid", input.Value);
        Assert.Contains("ds-input", input.ClassList);
        Assert.StartsWith("Your name", doc.LabelOf(input));
        Assert.Equal("ds-field", input.ParentElement!.ClassName);
    }

    [Fact]
    public void RequiredField_IsMarkedInWords_NotOnlyBySymbol()
    {
        var doc = Render(Name);

        Assert.Equal("Your name (required)", doc.LabelOf(doc.QuerySelector("input")!));
        Assert.Equal("true", doc.QuerySelector("input")!.GetAttribute("aria-required"));
    }

    [Fact]
    public void RequiredMark_IsInTheRequestedLanguage()
    {
        var doc = Render(Name, change: r => r with { Language = "sv" });

        Assert.Equal("Your name (obligatoriskt)", doc.LabelOf(doc.QuerySelector("input")!));
    }

    [Fact]
    public void Description_IsAHintLinkedByAriaDescribedBy()
    {
        var doc = Render(Name);

        var input = doc.QuerySelector("input")!;
        Assert.Equal("field-name-hint", input.GetAttribute("aria-describedby"));
        Assert.Equal("As in your passport", doc.GetElementById("field-name-hint")!.TextContent);
        Assert.Null(input.GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Error_IsShownByTheField_AndWiredToTheInput()
    {
        var doc = Render(Name, change: r => r with { Errors = new Dictionary<string, string[]> { ["name"] = ["Field is required."] } });

        var input = doc.QuerySelector("input")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal(["field-name-hint", "field-name-error"], input.GetAttribute("aria-describedby")!.Split(' '));
        var message = doc.GetElementById("field-name-error")!;
        Assert.Equal("P", message.TagName);
        Assert.Contains("ds-validation-message", message.ClassList);
        Assert.Equal("Field is required.", message.TextContent);
        Assert.Same(input.ParentElement, message.ParentElement);
    }

    [Fact]
    public void ScriptInValuesLabelsAndErrors_IsShownAsText()
    {
        const string Script = "<script>alert(1)</script>";
        var doc = Render("""[{ "type": "textfield", "key": "name", "label": "<b>Name</b>" }, { "type": "textarea", "key": "notes", "label": "Notes" }]""",
            """{ "name": "<script>alert(1)</script>\"' onload=x", "notes": "</textarea><script>alert(1)</script>" }""",
            r => r with { Errors = new Dictionary<string, string[]> { ["name"] = [Script] } });

        Assert.Empty(doc.QuerySelectorAll("script, b"));
        Assert.Equal(Script + "\"' onload=x", ((IHtmlInputElement)doc.QuerySelector("input")!).Value);
        Assert.Equal("</textarea><script>alert(1)</script>", ((IHtmlTextAreaElement)doc.QuerySelector("textarea")!).Value);
        Assert.Equal("<b>Name</b>", doc.LabelOf(doc.QuerySelector("input")!));
        Assert.Equal(Script, doc.GetElementById("field-name-error")!.TextContent);
    }

    [Fact]
    public void HiddenComponent_IsNotRendered()
    {
        const string Form = """
            [{ "type": "checkbox", "key": "hasPet", "label": "I have a pet" },
             { "type": "textfield", "key": "petName", "label": "Pet name", "conditional": { "hide": "=hasPet != true" } }]
            """;

        Assert.Null(Render(Form, """{ "hasPet": false }""").GetElementById("field-petName"));
        Assert.NotNull(Render(Form, """{ "hasPet": true }""").GetElementById("field-petName"));
    }

    [Fact]
    public void FeelLabel_IsEvaluatedWithTheData()
    {
        var doc = Render("""[{ "type": "textfield", "key": "age", "label": "=\"Age of \" + child" }]""", """{ "child": "Ella" }""");

        Assert.Equal("Age of Ella", doc.LabelOf(doc.QuerySelector("input")!));
    }

    [Fact]
    public void FieldPrefix_PrefixesNamesButNotIds()
    {
        var doc = Render(Name, change: r => r with { FieldPrefix = "f." });

        var input = doc.QuerySelector("input")!;
        Assert.Equal("f.name", input.GetAttribute("name"));
        Assert.Equal("field-name", input.Id);
    }

    [Fact]
    public void ReadonlyAndDisabled_AreMarkedOnTheInput()
    {
        var doc = Render("""
            [{ "type": "textfield", "key": "a", "label": "A", "readonly": true },
             { "type": "textfield", "key": "b", "label": "B", "disabled": true },
             { "type": "textfield", "key": "c", "label": "C", "readonly": "=locked" }]
            """, """{ "locked": true }""");

        Assert.True(doc.GetElementById("field-a")!.HasAttribute("readonly"));
        Assert.True(doc.GetElementById("field-b")!.HasAttribute("disabled"));
        Assert.True(doc.GetElementById("field-c")!.HasAttribute("readonly"));
    }

    [Fact]
    public void EmailAndPhone_UseMatchingInputTypesAndAutocomplete()
    {
        var doc = Render("""
            [{ "type": "textfield", "key": "email", "label": "E-mail", "validate": { "validationType": "email" } },
             { "type": "textfield", "key": "phone", "label": "Phone", "validate": { "validationType": "phone" } }]
            """);

        Assert.Equal(("email", "email"), (doc.GetElementById("field-email")!.GetAttribute("type"), doc.GetElementById("field-email")!.GetAttribute("autocomplete")));
        Assert.Equal(("tel", "tel"), (doc.GetElementById("field-phone")!.GetAttribute("type"), doc.GetElementById("field-phone")!.GetAttribute("autocomplete")));
    }

    [Fact]
    public void Number_IsATextInputWithNumericKeyboard_AndAdorners()
    {
        var doc = Render("""[{ "type": "number", "key": "km", "label": "Distance", "decimalDigits": 0, "appearance": { "suffixAdorner": "km" } }]""", """{ "km": 12 }""");

        var input = (IHtmlInputElement)doc.GetElementById("field-km")!;
        Assert.Equal(("text", "numeric", "12"), (input.Type, input.GetAttribute("inputmode"), input.Value));
        Assert.Equal("km", doc.QuerySelector(".ds-field-affixes .ds-field-affix")!.TextContent);
    }

    [Theory]
    [InlineData("date", "2026-05-01", "date", "2026-05-01")]
    [InlineData("time", "10:30+01:00", "time", "10:30")]
    [InlineData("datetime", "2026-05-01T10:30Z", "datetime-local", "2026-05-01T10:30")]
    public void Datetime_UsesTheBrowsersDateAndTimeInputs(string subtype, string stored, string type, string shown)
    {
        var doc = Render($$"""[{ "type": "datetime", "key": "when", "subtype": "{{subtype}}", "dateLabel": "Date", "timeLabel": "Time" }]""", $$"""{ "when": "{{stored}}" }""");

        var input = (IHtmlInputElement)doc.GetElementById("field-when")!;
        Assert.Equal((type, shown), (input.Type, input.Value));
        Assert.NotNull(doc.LabelOf(input));
    }

    [Fact]
    public void DefaultValue_IsShownWhenTheDataDoesNotMentionTheField_ButNotAfterItWasCleared()
    {
        const string Form = """[{ "type": "textfield", "key": "city", "label": "City", "defaultValue": "Uppsala" }]""";

        Assert.Equal("Uppsala", ((IHtmlInputElement)Render(Form).QuerySelector("input")!).Value);
        Assert.Equal("", ((IHtmlInputElement)Render(Form, """{ "city": null }""").QuerySelector("input")!).Value);
    }
}

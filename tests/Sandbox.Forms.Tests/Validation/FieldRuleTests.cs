using Sandbox.Forms.Validation;
using static Sandbox.Forms.Tests.Validation.Forms;

namespace Sandbox.Forms.Tests.Validation;

public class FieldRuleTests
{
    private const string Name = """[{ "type": "textfield", "key": "name", "validate": { "required": true, "minLength": 2, "maxLength": 5 } }]""";

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "name": "" }""")]
    [InlineData("""{ "name": null }""")]
    public void Required_WithMissingValue_ReportsRequired(string data)
    {
        var result = Validate(Name, data);
        Assert.Equal(["Field is required."], result.Errors["name"]);
    }

    [Fact]
    public void Required_UncheckedCheckboxAndEmptyChecklist_AreMissing()
    {
        var result = Validate("""
            [{ "type": "checkbox", "key": "ok", "validate": { "required": true } },
             { "type": "checklist", "key": "pick", "values": [{ "label": "A", "value": "a" }], "validate": { "required": true } }]
            """, """{ "ok": false, "pick": [] }""");
        Assert.Equal(ValidationError.Required, Assert.Single(result.Failures, f => f.Path == "ok").Error);
        Assert.Equal(ValidationError.Required, Assert.Single(result.Failures, f => f.Path == "pick").Error);
    }

    [Theory]
    [InlineData("\"a\"", ValidationError.MinLength)]
    [InlineData("\"abcdef\"", ValidationError.MaxLength)]
    [InlineData("\"  a   \"", ValidationError.MinLength)] // the viewer trims before counting
    public void Length_OutsideBounds_IsReported(string value, ValidationError expected)
    {
        var result = Validate(Name, $$"""{ "name": {{value}} }""");
        Assert.Equal(expected, Assert.Single(result.Failures).Error);
    }

    [Theory]
    [InlineData("-1", ValidationError.Min)]
    [InlineData("1001", ValidationError.Max)]
    public void MinMax_OutsideBounds_IsReported(string value, ValidationError expected)
    {
        var result = Validate("""[{ "type": "number", "key": "n", "validate": { "min": 0, "max": 1000 } }]""", $$"""{ "n": {{value}} }""");
        Assert.Equal(expected, Assert.Single(result.Failures).Error);
    }

    [Fact]
    public void MinMax_FromFeel_ReadTheData()
    {
        const string form = """[{ "type": "number", "key": "n", "validate": { "min": "=lower" } }, { "type": "number", "key": "lower" }]""";
        Assert.True(Validate(form, """{ "n": 5, "lower": 5 }""").IsValid);
        Assert.Equal(ValidationError.Min, Assert.Single(Validate(form, """{ "n": 4, "lower": 5 }""").Failures).Error);
    }

    [Theory]
    [InlineData("C-123", true)]
    [InlineData("X-C-1", false)]
    [InlineData("", true)] // an empty value is not matched, as in the viewer
    public void Pattern_IsTestedUnanchoredLikeJavaScript(string value, bool valid)
    {
        var result = Validate("""[{ "type": "textfield", "key": "nr", "validate": { "pattern": "^C-[0-9]+$" } }]""", $$"""{ "nr": "{{value}}" }""");
        Assert.Equal(valid, result.IsValid);
    }

    [Theory]
    [InlineData("anna@example.se", true)]
    [InlineData("anna@", false)]
    [InlineData("not an address", false)]
    public void Email_ValidationType(string value, bool valid) =>
        Assert.Equal(valid, Validate("""[{ "type": "textfield", "key": "e", "validate": { "validationType": "email" } }]""", $$"""{ "e": "{{value}}" }""").IsValid);

    [Theory]
    [InlineData("+46701234567", true)]
    [InlineData("004791234567", true)]
    [InlineData("+358401234567", true)]
    [InlineData("0701234567", false)]
    public void Phone_ValidationType(string value, bool valid) =>
        Assert.Equal(valid, Validate("""[{ "type": "textfield", "key": "p", "validate": { "validationType": "phone" } }]""", $$"""{ "p": "{{value}}" }""").IsValid);

    [Fact]
    public void Number_DecimalDigitsAndIncrement_AreChecked()
    {
        var result = Validate("""
            [{ "type": "number", "key": "a", "decimalDigits": 0 }, { "type": "number", "key": "b", "increment": "0.5" }]
            """, """{ "a": 1.5, "b": 1.2 }""");
        Assert.Equal(ValidationError.Integer, Assert.Single(result.Failures, f => f.Path == "a").Error);
        Assert.Equal("Please select a valid value, the two nearest valid values are 1 and 1.5.", Assert.Single(result.Errors["b"]));
    }

    [Theory]
    [InlineData("""{ "n": "12" }""", "n")]
    [InlineData("""{ "t": 12 }""", "t")]
    [InlineData("""{ "c": "yes" }""", "c")]
    [InlineData("""{ "s": "c" }""", "s")]
    [InlineData("""{ "l": ["a", "z"] }""", "l")]
    [InlineData("""{ "d": "2026-02-30" }""", "d")]
    [InlineData("""{ "t": { "a": 1 } }""", "t")]
    public void Types_AreChecked(string data, string field)
    {
        var result = Validate("""
            [{ "type": "number", "key": "n" }, { "type": "textfield", "key": "t" }, { "type": "checkbox", "key": "c" },
             { "type": "select", "key": "s", "values": [{ "label": "A", "value": "a" }, { "label": "B", "value": "b" }] },
             { "type": "taglist", "key": "l", "values": [{ "label": "A", "value": "a" }] },
             { "type": "datetime", "key": "d", "subtype": "date" }]
            """, data);
        Assert.Equal(field, Assert.Single(result.Failures).Path);
    }
}

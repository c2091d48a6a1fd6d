using System.Text.Json.Nodes;
using Sandbox.Forms.Validation;
using static Sandbox.Forms.Tests.Validation.Forms;

namespace Sandbox.Forms.Tests.Validation;

public class FormRuleTests
{
    private const string Conditional = """
        [{ "type": "number", "key": "amount" },
         { "type": "textfield", "key": "reason", "conditional": { "hide": "=amount <= 2" }, "validate": { "required": true } }]
        """;

    [Fact]
    public void HiddenField_IsNeitherRequiredNorKept()
    {
        var result = Validate(Conditional, """{ "amount": 1, "reason": "kept?" }""");
        Assert.True(result.IsValid);
        Assert.False(result.Data.ContainsKey("reason"));
    }

    [Fact]
    public void VisibleField_IsRequired()
    {
        var result = Validate(Conditional, """{ "amount": 5 }""");
        Assert.Equal(["Field is required."], result.Errors["reason"]);
    }

    [Fact]
    public void UnknownKey_IsRejected()
    {
        var result = Validate(Conditional, """{ "amount": 5, "reason": "x", "isAdmin": true }""");
        Assert.Equal(ValidationError.UnknownField, Assert.Single(result.Failures).Error);
        Assert.Equal("isAdmin", result.Failures[0].Path);
    }

    [Fact]
    public void KeysAndPaths_BindNestedData()
    {
        const string form = """
            [{ "type": "textfield", "key": "applicant.name", "validate": { "required": true } },
             { "type": "group", "path": "address", "components": [{ "type": "textfield", "key": "city", "validate": { "required": true } }] },
             { "type": "group", "components": [{ "type": "textfield", "key": "flat" }] }]
            """;
        var result = Validate(form, """{ "applicant": { "name": "Anna", "age": 3 }, "address": {}, "flat": "x" }""");
        Assert.Equal(["address.city", "applicant.age"], result.Errors.Keys.Order());
        Assert.Equal("Anna", result.Data["applicant"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void DynamicList_ValidatesEachItemWithThis()
    {
        var schema = File("formjs-viewer-condition-errors-dynamic-list.json");
        var result = Validate(schema, """{ "hideList": false, "list": [{ "element": 1 }, { "hideElement": true }, {}] }""");
        Assert.Equal(["list[2].element"], result.Errors.Keys);

        Assert.True(Validate(schema, """{ "hideList": true, "list": [{}] }""").IsValid);
    }

    [Fact]
    public void DisabledField_IsDropped()
    {
        var result = Validate("""[{ "type": "textfield", "key": "t", "disabled": true, "validate": { "required": true } }]""", """{ "t": "x" }""");
        Assert.True(result.IsValid);
        Assert.Empty(result.Data);
    }

    [Theory]
    [InlineData("sv", "Fältet är obligatoriskt.")]
    [InlineData("nb", "Feltet er obligatorisk.")]
    [InlineData("fi", "Kenttä on pakollinen.")]
    [InlineData("en", "Field is required.")]
    public void Messages_AreInTheAskedLanguage(string language, string message) =>
        Assert.Equal([message], Validate(Conditional, """{ "amount": 5 }""", language).Errors["reason"]);

    [Theory]
    [InlineData("sv-SE,sv;q=0.9,en;q=0.5", "sv")]
    [InlineData("de, no;q=0.8", "nb")]
    [InlineData("nn", "nb")]
    [InlineData("fi-FI", "fi")]
    [InlineData("de", "en")]
    [InlineData(null, "en")]
    public void Negotiate_PicksSupportedLanguage(string? header, string expected) =>
        Assert.Equal(expected, ValidationMessages.Negotiate(header));

    [Fact]
    public void UnknownComponentType_IsASchemaError()
    {
        var e = Assert.Throws<FormSchemaException>(() => Schema("""[{ "type": "rocket", "id": "R1", "key": "r" }]"""));
        Assert.Contains("R1", e.Message);
    }

    [Fact]
    public void FeelSyntaxError_InHide_NamesTheComponent()
    {
        var e = Assert.Throws<FormSchemaException>(() =>
            Schema("""[{ "type": "textfield", "id": "Field_1", "key": "t", "conditional": { "hide": "=a >" } }]"""));
        Assert.Contains("Field_1", e.Message);
        Assert.Contains("conditional.hide", e.Message);
    }

    [Fact]
    public void ScriptInText_IsKeptAsText()
    {
        var result = Validate("""[{ "type": "textfield", "key": "t" }]""", """{ "t": "<script>alert(1)</script>" }""");
        Assert.True(result.IsValid);
        Assert.Equal("<script>alert(1)</script>", result.Data["t"]!.GetValue<string>());
    }

    [Fact]
    public void Data_IsNotChanged() 
    {
        var data = JsonNode.Parse("""{ "amount": 1, "reason": "x" }""")!.AsObject();
        FormValidator.Validate(Schema(Conditional), data);
        Assert.Equal("x", data["reason"]!.GetValue<string>());
    }
}

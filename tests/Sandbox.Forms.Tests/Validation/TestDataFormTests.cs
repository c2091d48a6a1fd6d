using System.Text.Json.Nodes;
using Sandbox.Forms.Validation;
using static Sandbox.Forms.Tests.Validation.Forms;

namespace Sandbox.Forms.Tests.Validation;

public class TestDataFormTests
{
    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "forms")).Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Files))]
    public void GeneratedData_IsValid(string file)
    {
        var schema = File(file);
        var result = FormValidator.Validate(schema, SampleData.For(schema));
        Assert.True(result.IsValid, string.Join("; ", result.Failures.Select(f => $"{f.Path}: {f.Message}")));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void WrongType_IsReportedOnThatField(string file)
    {
        var schema = File(file);
        // A read-only field with a default keeps its default whatever is sent (ReadonlyField_KeepsItsDefault).
        foreach (var (field, path) in SampleData.Fields(schema.Components).Where(f => !f.Field.Disabled && !(f.Field.Readonly?.ResolveTrue([]) == true && f.Field.DefaultValue is not null)))
        {
            var data = SampleData.For(schema);
            var wrong = field.Type == ComponentTypes.Checkbox ? JsonValue.Create("yes") : (JsonNode)new JsonObject { ["x"] = 1 };
            SampleData.Set(data, path, wrong);
            var result = FormValidator.Validate(schema, data);
            var visible = FormValidator.Validate(schema, SampleData.For(schema)).Data;
            if (!IsPresent(visible, path)) continue; // hidden by a rule under this data
            Assert.Contains(result.Failures, f => f.Path == path && f.Error == ValidationError.WrongType);
            Assert.All(result.Failures, f => Assert.Equal(path, f.Path));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void MissingRequiredField_IsReportedOnThatField(string file)
    {
        var schema = File(file);
        foreach (var (field, path) in SampleData.Fields(schema.Components).Where(f => f.Field.Rules.Required?.ResolveTrue([]) == true && !f.Field.Disabled))
        {
            var data = SampleData.For(schema);
            SampleData.Set(data, path, null!);
            var result = FormValidator.Validate(schema, data);
            Assert.Equal([path], result.Errors.Keys);
            Assert.Equal(ValidationError.Required, Assert.Single(result.Failures).Error);
        }
    }

    [Fact]
    public void ReadonlyField_KeepsItsDefault_OrTheInitialData_WhateverIsSent()
    {
        var schema = FormSchema.Parse("""
            { "components": [
              { "type": "textfield", "key": "municipality", "readonly": true, "defaultValue": "Uppsala" },
              { "type": "number", "key": "limit", "readonly": "=locked", "defaultValue": 4 },
              { "type": "checkbox", "key": "locked" }
            ] }
            """);
        var sent = JsonNode.Parse("""{ "municipality": "Stockholm", "limit": 40, "locked": true }""")!.AsObject();
        var result = FormValidator.Validate(schema, sent);
        Assert.True(result.IsValid);
        Assert.Equal("Uppsala", (string)result.Data["municipality"]!);
        Assert.Equal(4, (int)result.Data["limit"]!);

        var fromProcess = FormValidator.Validate(schema, sent, context: JsonNode.Parse("""{ "municipality": "Tampere" }""")!.AsObject());
        Assert.Equal("Tampere", (string)fromProcess.Data["municipality"]!);

        sent["locked"] = false;
        Assert.Equal(40, (int)FormValidator.Validate(schema, sent).Data["limit"]!);
    }

    [Fact]
    public void ViewerForm_TargetedInvalidData_FailsOnTheRightFields()
    {
        var schema = File("formjs-viewer-form.json");
        var data = SampleData.For(schema);
        data["invoiceNumber"] = "X-1";
        data["amount"] = 1001;
        data["mailto"] = new JsonArray("approver", "ceo");
        var result = FormValidator.Validate(schema, data);
        Assert.Equal(["amount", "invoiceNumber", "mailto"], result.Errors.Keys.Order());
    }

    [Fact]
    public void ValidateForm_FeelLimits_ReadTheData()
    {
        var schema = File("formjs-viewer-validate.json");
        var context = JsonNode.Parse("""{ "min": 3, "max": 5, "minLength": 2, "maxLength": 3 }""")!.AsObject();
        var data = JsonNode.Parse("""{ "number_expression": 6, "textfield_expression": "a" }""")!.AsObject();
        var result = FormValidator.Validate(schema, data, context: context);
        Assert.Equal(2, result.Failures.Count);
        Assert.Contains(result.Failures, f => f.Path == "number_expression" && f.Error == ValidationError.Max);
        Assert.Contains(result.Failures, f => f.Path == "textfield_expression" && f.Error == ValidationError.MinLength);
    }

    [Fact]
    public void ComplexConditions_HideByContextLiteral()
    {
        var schema = File("formjs-viewer-complex-conditions.json");
        var data = JsonNode.Parse("""{ "c1": "text" }""")!.AsObject();
        JsonObject Loan(int used) => JsonNode.Parse($$"""{ "loanOptions": { "maxAllowance": 100, "currentlyUsed": {{used}} }, "offeredAdditionalLoan": 50 }""")!.AsObject();
        Assert.False(FormValidator.Validate(schema, data, context: Loan(80)).Data.ContainsKey("c1"));
        Assert.True(FormValidator.Validate(schema, data, context: Loan(10)).Data.ContainsKey("c1"));
    }

    private static bool IsPresent(JsonObject data, string path)
    {
        JsonNode? node = data;
        foreach (var s in path.Split('.')) node = node is JsonObject o && o.TryGetPropertyValue(s, out var n) ? n : null;
        return node is not null;
    }
}

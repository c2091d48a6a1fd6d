using System.Text.Json.Nodes;
using Sandbox.Forms.Validation;
using static Sandbox.Forms.Rendering.Tests.Dom;

namespace Sandbox.Forms.Rendering.Tests;

public class BindTests
{
    private const string Form = """
        [{ "type": "textfield", "key": "name", "label": "Name" },
         { "type": "number", "key": "amount", "label": "Amount" },
         { "type": "checkbox", "key": "agree", "label": "Agree" },
         { "type": "checklist", "key": "days", "label": "Days", "values": [{ "label": "Mon", "value": "mon" }, { "label": "Tue", "value": "tue" }] },
         { "type": "select", "key": "count", "label": "Count", "values": [{ "label": "One", "value": 1 }, { "label": "Two", "value": 2 }] },
         { "type": "radio", "key": "flag", "label": "Flag", "values": [{ "label": "Yes", "value": true }, { "label": "No", "value": false }] },
         { "type": "datetime", "key": "day", "subtype": "date", "dateLabel": "Day" },
         { "type": "textfield", "key": "locked", "label": "Locked", "readonly": true }]
        """;

    private static JsonObject Bind(string components, string existing, params (string, string)[] fields) =>
        FormPost.Bind(Schema(components), Post(fields), Json(existing), page: null);

    [Fact]
    public void Bind_TypesEachValueAsTheComponentStoresIt()
    {
        var data = Bind(Form, "{}", ("name", "Ada"), ("amount", "1 234,50"), ("agree", "true"), ("days", "mon"), ("days", "tue"),
            ("count", "2"), ("flag", "false"), ("day", "2026-05-01"));

        Assert.True(JsonNode.DeepEquals(Json("""
            { "name": "Ada", "amount": 1234.5, "agree": true, "days": ["mon", "tue"], "count": 2, "flag": false, "day": "2026-05-01" }
            """), data), data.ToJsonString());
    }

    [Fact]
    public void Bind_TextThatIsNotANumber_StaysTextSoValidationNamesTheField()
    {
        var data = Bind(Form, "{}", ("amount", "twelve"));

        Assert.Equal("twelve", data["amount"]!.GetValue<string>());
        var result = FormValidator.Validate(FormSchema.Parse(Schema(Form)), data);
        Assert.Contains("amount", result.Errors.Keys);
    }

    [Fact]
    public void Bind_UntickedCheckboxAndChecklist_AreFalseAndEmpty()
    {
        var data = Bind(Form, """{ "agree": true, "days": ["mon"] }""", ("name", "Ada"));

        Assert.False(data["agree"]!.GetValue<bool>());
        Assert.Empty(data["days"]!.AsArray());
    }

    [Fact]
    public void Bind_EmptyNumberSelectAndDate_ClearTheValue()
    {
        var data = Bind(Form, """{ "amount": 3, "count": 1, "day": "2026-01-01" }""", ("amount", " "), ("count", ""), ("day", ""));

        // Null rather than absent, so that a default value does not come back on the next render.
        Assert.All(["amount", "count", "day"], key => Assert.True(data.ContainsKey(key) && data[key] is null));
    }

    [Fact]
    public void Bind_IgnoresUnknownNamesReadonlyFieldsAndOtherPrefixes()
    {
        var data = FormPost.Bind(Schema(Form), Post(("f.name", "Ada"), ("f.evil", "x"), ("f.locked", "changed"), ("name", "not mine")),
            Json("""{ "locked": "kept" }"""), page: null, fieldPrefix: "f.");

        Assert.Equal("Ada", data["name"]!.GetValue<string>());
        Assert.Equal("kept", data["locked"]!.GetValue<string>());
        Assert.False(data.ContainsKey("evil"));
    }

    [Fact]
    public void Bind_OfAPage_LeavesOtherPagesValuesAlone()
    {
        const string Pages = """
            [{ "type": "group", "label": "One", "components": [{ "type": "textfield", "key": "a", "label": "A" }] },
             { "type": "group", "label": "Two", "components": [{ "type": "checkbox", "key": "b", "label": "B" }] }]
            """;

        var data = FormPost.Bind(Schema(Pages), Post(("a", "new"), ("b", "false")), Json("""{ "a": "old", "b": true }"""), page: 0);

        Assert.Equal("new", data["a"]!.GetValue<string>());
        Assert.True(data["b"]!.GetValue<bool>());
    }

    [Fact]
    public void Bind_DynamicList_AddsATypedRow_DropsAnEmptyOne_AndRemovesTickedRows()
    {
        const string List = """[{ "type": "dynamiclist", "path": "kids", "label": "Kids", "components": [{ "type": "textfield", "key": "name", "label": "Name" }, { "type": "number", "key": "age", "label": "Age" }] }]""";
        var existing = """{ "kids": [{ "name": "A", "age": 1 }, { "name": "B", "age": 2 }] }""";

        var added = Bind(List, existing, ("kids[0].name", "A"), ("kids[0].age", "1"), ("kids[1].name", "B"), ("kids[1].age", "2"), ("kids[2].name", "C"), ("kids[2].age", "3"));
        var empty = Bind(List, existing, ("kids[0].name", "A"), ("kids[1].name", "B"), ("kids[2].name", ""), ("kids[2].age", ""));
        var removed = Bind(List, existing, ("kids[0].name", "A"), ("kids[1].name", "B"), ("kids[2].name", ""), ("$remove", "kids[0]"));

        Assert.Equal(["A", "B", "C"], added["kids"]!.AsArray().Select(k => k!["name"]!.GetValue<string>()));
        Assert.Equal(3m, added["kids"]![2]!["age"]!.GetValue<decimal>());
        Assert.Equal(2, empty["kids"]!.AsArray().Count);
        Assert.Equal(["B"], removed["kids"]!.AsArray().Select(k => k!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Bind_ReadonlyFieldWithoutValue_KeepsItsDefault()
    {
        var data = Bind("""[{ "type": "textfield", "key": "office", "label": "Office", "readonly": true, "defaultValue": "North" }]""", "{}", ("office", "South"));

        Assert.Equal("North", data["office"]!.GetValue<string>());
    }

    [Fact]
    public void Bind_NewRowShowingOnlyDefaults_IsLeftOut()
    {
        const string List = """
            [{ "type": "dynamiclist", "path": "kids", "label": "Kids", "components": [
                { "type": "textfield", "key": "name", "label": "Name" },
                { "type": "select", "key": "grade", "label": "Grade", "defaultValue": 1, "values": [{ "label": "1", "value": 1 }, { "label": "2", "value": 2 }] },
                { "type": "checkbox", "key": "bus", "label": "Bus", "defaultValue": true }] }]
            """;
        var doc = Render(List, """{ "kids": [{ "name": "A", "grade": 2, "bus": false }] }""");

        var data = FormPost.Bind(Schema(List), doc.Submit(), Json("""{ "kids": [{ "name": "A", "grade": 2, "bus": false }] }"""), page: null);

        Assert.Equal("1", ((AngleSharp.Html.Dom.IHtmlSelectElement)doc.QuerySelector("select[name='kids[1].grade']")!).Value);
        Assert.True(JsonNode.DeepEquals(Json("""{ "kids": [{ "name": "A", "grade": 2, "bus": false }] }"""), data), data.ToJsonString());
    }

    [Fact]
    public void Bind_HiddenCheckbox_IsNotUnticked()
    {
        const string Hidden = """
            [{ "type": "checkbox", "key": "hasPet", "label": "Pet" },
             { "type": "checkbox", "key": "vaccinated", "label": "Vaccinated", "conditional": { "hide": "=hasPet != true" } }]
            """;

        var data = Bind(Hidden, """{ "vaccinated": true }""");

        Assert.False(data["hasPet"]!.GetValue<bool>());
        Assert.True(data["vaccinated"]!.GetValue<bool>());
    }

    [Fact]
    public void Bind_AndRender_RejectAnUnusableSchema()
    {
        const string Unknown = """[{ "type": "rocket", "key": "x" }]""";

        Assert.Throws<FormSchemaException>(() => Bind(Unknown, "{}"));
        Assert.Throws<FormSchemaException>(() => Render(Unknown));
    }

    [Fact]
    public void AddAnotherPath_NamesTheListWhoseButtonWasPressed()
    {
        Assert.Equal("kids", FormPost.AddAnotherPath(Post(("p.$add", "kids")), "p."));
        Assert.Null(FormPost.AddAnotherPath(Post(("p.name", "x")), "p."));
    }

    [Fact]
    public void RenderThenPostThenBind_GivesBackTheSameData_WhichValidates()
    {
        const string Complete = """
            [{ "type": "group", "label": "Applicant", "path": "applicant", "components": [
                { "type": "textfield", "key": "name", "label": "Name", "validate": { "required": true } },
                { "type": "textfield", "key": "email", "label": "E-mail", "validate": { "validationType": "email" } }] },
             { "type": "textarea", "key": "notes", "label": "Notes" },
             { "type": "number", "key": "km", "label": "Distance", "decimalDigits": 1 },
             { "type": "checkbox", "key": "agree", "label": "Agree", "validate": { "required": true } },
             { "type": "checklist", "key": "days", "label": "Days", "values": [{ "label": "Mon", "value": "mon" }, { "label": "Tue", "value": "tue" }] },
             { "type": "taglist", "key": "tags", "label": "Tags", "values": [{ "label": "A", "value": "a" }, { "label": "B", "value": "b" }] },
             { "type": "select", "key": "count", "label": "Count", "values": [{ "label": "One", "value": 1 }, { "label": "Two", "value": 2 }] },
             { "type": "radio", "key": "size", "label": "Size", "values": [{ "label": "S", "value": "s" }, { "label": "L", "value": "l" }] },
             { "type": "datetime", "key": "day", "subtype": "date", "dateLabel": "Day" },
             { "type": "datetime", "key": "at", "subtype": "time", "timeLabel": "At" },
             { "type": "dynamiclist", "path": "kids", "label": "Kids", "components": [
                { "type": "textfield", "key": "name", "label": "Name" }, { "type": "checkbox", "key": "bus", "label": "Bus" }] }]
            """;
        var data = Json("""
            { "applicant": { "name": "Ada <Lovelace>", "email": "ada@example.org" }, "notes": "line 1\nline 2", "km": 4.5,
              "agree": true, "days": ["tue"], "tags": ["a", "b"], "count": 2, "size": "l", "day": "2026-05-01", "at": "08:15",
              "kids": [{ "name": "Bo", "bus": true }, { "name": "Cy", "bus": false }] }
            """);
        var schema = Schema(Complete);

        var doc = Parse(FormRenderer.Render(new RenderRequest(schema, "en") { Data = data, FieldPrefix = "x." }));
        var bound = FormPost.Bind(schema, doc.Submit(), new JsonObject(), page: null, fieldPrefix: "x.");

        Assert.True(JsonNode.DeepEquals(data, bound), bound.ToJsonString());
        Assert.True(FormValidator.Validate(FormSchema.Parse(schema), bound).IsValid);
    }
}

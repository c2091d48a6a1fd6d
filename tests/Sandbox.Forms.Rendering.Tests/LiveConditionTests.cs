using Sandbox.Forms.Validation;
using static Sandbox.Forms.Rendering.Tests.Dom;

namespace Sandbox.Forms.Rendering.Tests;

public class LiveConditionTests
{
    private const string Reason = """
        [{ "type": "radio", "key": "reason", "label": "Reason", "values": [{ "label": "Medical", "value": "medical" }, { "label": "Other", "value": "other" }] },
         { "type": "textarea", "key": "needs", "label": "Medical needs", "validate": { "required": true }, "conditional": { "hide": "=reason != \"medical\"" } },
         { "type": "text", "id": "note", "text": "Attach a certificate", "conditional": { "hide": "=reason != \"medical\"" } },
         { "type": "checklist", "key": "aids", "label": "Aids", "values": [{ "label": "Wheelchair", "value": "wheelchair" }], "conditional": { "hide": "=reason != \"medical\"" } },
         { "type": "textfield", "key": "name", "label": "Name" }]
        """;

    private const string Lists = """
        [{ "type": "group", "path": "child", "components": [
           { "type": "checkbox", "key": "needsHelp", "label": "Needs help" },
           { "type": "textfield", "key": "help", "label": "Help", "conditional": { "hide": "=not(child.needsHelp)" } }] },
         { "type": "dynamiclist", "path": "trips", "label": "Trip", "components": [
           { "type": "select", "key": "kind", "label": "Kind", "values": [{ "label": "Bus", "value": "bus" }, { "label": "Taxi", "value": "taxi" }] },
           { "type": "textfield", "key": "why", "label": "Why a taxi", "conditional": { "hide": "=this.kind != \"taxi\"" } }] }]
        """;

    [Fact]
    public void HiddenComponent_IsWrittenHidden_WithDisabledMarkedInputs()
    {
        var doc = Render(Reason, """{ "reason": "other" }""", r => r with { LiveConditions = true });

        var needs = doc.QuerySelector("[data-conditional='needs']")!;
        Assert.True(needs.HasAttribute("hidden"));
        var area = needs.QuerySelector("textarea")!;
        Assert.True(area.HasAttribute("disabled"));
        Assert.True(area.HasAttribute("data-hidden-disabled"));
        Assert.Equal("Medical needs", doc.LabelOf(area)!.Split(" (")[0]);
        Assert.True(doc.QuerySelector("[data-conditional='#note']")!.HasAttribute("hidden"));
        Assert.All(doc.QuerySelectorAll("[data-conditional='aids'] input"), i => Assert.True(i.HasAttribute("disabled")));
        // Nothing hidden is posted, as before.
        Assert.Equal(["reason", "name"], doc.Submit().Select(p => p.Key));
    }

    [Fact]
    public void ShownComponentWithARule_IsWrappedButUnchanged_AndOthersAreNotWrapped()
    {
        var live = Render(Reason, """{ "reason": "medical" }""", r => r with { LiveConditions = true });
        var plain = Render(Reason, """{ "reason": "medical" }""");

        var needs = live.QuerySelector("[data-conditional='needs']")!;
        Assert.False(needs.HasAttribute("hidden"));
        Assert.Equal(plain.QuerySelector("#field-needs")!.ParentElement!.OuterHtml, needs.FirstElementChild!.OuterHtml);
        Assert.Null(live.QuerySelector("[data-hidden-disabled]"));
        Assert.Null(live.QuerySelector("#field-name")!.Closest("[data-conditional]"));
        Assert.Equal(plain.Submit().Select(p => p.Key), live.Submit().Select(p => p.Key));
    }

    [Fact]
    public void WithoutLiveConditions_HiddenComponentsAreLeftOut_AsBefore()
    {
        var doc = Render(Reason, """{ "reason": "other" }""");

        Assert.Null(doc.QuerySelector("#field-needs"));
        Assert.Null(doc.QuerySelector("[data-conditional]"));
        Assert.Null(doc.QuerySelector(".form-text"));
    }

    [Fact]
    public void HiddenComponents_NameWhatIsHidden_ByTheRenderedAddresses()
    {
        var schema = Schema(Reason);

        Assert.Equal(["needs", "#note", "aids"], FormRenderer.HiddenComponents(schema, Json("""{ "reason": "other" }"""), null));
        Assert.Empty(FormRenderer.HiddenComponents(schema, Json("""{ "reason": "medical" }"""), null));
    }

    [Fact]
    public void HiddenComponents_EvaluateGroupsAndListRows_WithThisAndTheEmptyRow()
    {
        var schema = Schema(Lists);
        var data = Json("""{ "child": { "needsHelp": true }, "trips": [{ "kind": "taxi" }, { "kind": "bus" }] }""");

        var hidden = FormRenderer.HiddenComponents(schema, data, null);

        Assert.Equal(["trips[1].why", "trips[2].why"], hidden);
        var doc = Render(Lists, data.ToJsonString(), r => r with { LiveConditions = true });
        var written = doc.QuerySelectorAll("[data-conditional]").Select(e => (e.GetAttribute("data-conditional"), e.HasAttribute("hidden")));
        Assert.Equal([("child.help", false), ("trips[0].why", false), ("trips[1].why", true), ("trips[2].why", true)], written);
    }

    [Fact]
    public void HiddenComponents_AgreeWithTheValidator_OnWhatIsKept()
    {
        var schema = Schema(Lists);
        var data = Json("""{ "child": { "needsHelp": false, "help": "x" }, "trips": [{ "kind": "taxi", "why": "far" }, { "kind": "bus", "why": "y" }] }""");

        var hidden = FormRenderer.HiddenComponents(schema, data, null);
        var kept = FormValidator.Validate(FormSchema.Parse(schema), data).Data;

        Assert.Contains("child.help", hidden);
        Assert.Null(kept["child"]!["help"]);
        Assert.Contains("trips[1].why", hidden);
        Assert.Null(kept["trips"]![1]!["why"]);
        Assert.DoesNotContain("trips[0].why", hidden);
        Assert.Equal("far", kept["trips"]![0]!["why"]!.GetValue<string>());
    }

    [Fact]
    public void UnderAHiddenGroup_AddAnotherAndRemoveAreDisabledToo()
    {
        var components = """
            [{ "type": "checkbox", "key": "travels", "label": "Travels" },
             { "type": "dynamiclist", "path": "trips", "label": "Trip", "conditional": { "hide": "=not(travels)" },
               "components": [{ "type": "textfield", "key": "to", "label": "To" }] }]
            """;
        var doc = Render(components, """{ "travels": false, "trips": [{ "to": "Oslo" }] }""", r => r with { LiveConditions = true });

        var list = doc.QuerySelector("[data-conditional='trips']")!;
        Assert.True(list.HasAttribute("hidden"));
        Assert.All(list.QuerySelectorAll("input, button"), c => Assert.True(c.HasAttribute("disabled")));
        Assert.Empty(doc.Submit());
    }
}

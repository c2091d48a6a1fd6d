using AngleSharp.Dom;
using static Sandbox.Forms.Rendering.Tests.Dom;

namespace Sandbox.Forms.Rendering.Tests;

public class AnswersTests
{
    private const string Form = """
        [{ "type": "text", "text": "Intro" },
         { "type": "textfield", "key": "name", "label": "Name" },
         { "type": "select", "key": "lang", "label": "Language", "values": [{ "label": "Swedish", "value": "sv" }] },
         { "type": "checkbox", "key": "agree", "label": "Agree" },
         { "type": "checklist", "key": "days", "label": "Days", "values": [{ "label": "Monday", "value": "mon" }, { "label": "Tuesday", "value": "tue" }] },
         { "type": "filepicker", "key": "doc", "label": "Document" },
         { "type": "textfield", "key": "secret", "label": "Secret", "conditional": { "hide": "=agree" } },
         { "type": "textfield", "key": "empty", "label": "Empty" },
         { "type": "dynamiclist", "path": "kids", "label": "Kids", "components": [{ "type": "textfield", "key": "name", "label": "Child name" }] }]
        """;

    private static IDocument Answers(string language = "en", Func<int, string, string?>? change = null) => Parse(AnswersRenderer.Render(Schema(Form),
        Json("""{ "name": "<script>x</script>", "lang": "sv", "agree": true, "days": ["mon", "tue"], "doc": "a1", "secret": "s", "kids": [{ "name": "Bo" }] }"""),
        language, new Dictionary<string, AttachmentInfo> { ["a1"] = new("a1", "plan.pdf", 10) }, change));

    private static Dictionary<string, string> Pairs(IDocument doc) => doc.QuerySelectorAll("dl.form-answers > div")
        .ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);

    [Fact]
    public void Answers_ShowLabelsAndHumanValues_AndLeaveOutHiddenFields()
    {
        var doc = Answers();
        var pairs = Pairs(doc);

        Assert.Equal(["Name", "Language", "Agree", "Days", "Document", "Empty", "Kids"], pairs.Keys);
        Assert.Equal("<script>x</script>", pairs["Name"]);
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Equal("Swedish", pairs["Language"]);
        Assert.Equal("Yes", pairs["Agree"]);
        Assert.Equal(["Monday", "Tuesday"], doc.QuerySelectorAll("dl.form-answers > div:nth-child(4) li").Select(li => li.TextContent));
        Assert.Equal("plan.pdf", pairs["Document"]);
        Assert.Equal("Not answered", pairs["Empty"]);
        Assert.Equal("Child name", doc.QuerySelector("ol dl dt")!.TextContent);
    }

    [Fact]
    public void Answers_AreInTheRequestedLanguage_WithChangeLinks()
    {
        var doc = Answers("nb", (page, id) => $"?page={page}#{id}");

        Assert.Equal("Ja", Pairs(doc)["Agree"]);
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == "?page=0#field-name" && a.TextContent.StartsWith("Endre", StringComparison.Ordinal));
    }
}

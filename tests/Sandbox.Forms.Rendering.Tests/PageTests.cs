using static Sandbox.Forms.Rendering.Tests.Dom;

namespace Sandbox.Forms.Rendering.Tests;

public class PageTests
{
    private const string TwoPages = """
        [{ "type": "text", "text": "Welcome" },
         { "type": "group", "label": "About you", "components": [{ "type": "textfield", "key": "name", "label": "Name" }] },
         { "type": "group", "label": "Your children", "path": "family", "conditional": { "hide": "=hasChildren = false" },
           "components": [{ "type": "dynamiclist", "path": "children", "label": "Child", "components": [{ "type": "textfield", "key": "name", "label": "Name" }] },
                          { "type": "number", "key": "count", "label": "Count" }] },
         { "type": "checkbox", "key": "consent", "label": "I consent" }]
        """;

    [Fact]
    public void Pages_AreTheTopLevelGroups_WithTheirFieldPaths()
    {
        var pages = FormRenderer.Pages(Schema(TwoPages));

        Assert.Equal([0, 1], pages.Select(p => p.Index));
        Assert.Equal(["About you", "Your children"], pages.Select(p => p.Title));
        Assert.Equal(["name"], pages[0].FieldPaths);
        Assert.Equal(["family.children", "family.count", "consent"], pages[1].FieldPaths);
        Assert.True(pages[1].Contains("family.children[2].name"));
        Assert.False(pages[1].Contains("family.childrenX"));
    }

    [Fact]
    public void FormWithoutTopLevelGroups_IsOnePage()
    {
        var page = Assert.Single(FormRenderer.Pages(Schema("""[{ "type": "textfield", "key": "a", "label": "A" }, { "type": "number", "key": "b", "label": "B" }]""")));

        Assert.Equal(new[] { "a", "b" }, page.FieldPaths);
        Assert.Null(page.Title);
    }

    [Fact]
    public void Render_OfAPage_RendersOnlyThatPagesFields_WithoutTheGroupFieldset()
    {
        var first = Render(TwoPages, change: r => r with { Page = 0 });
        var second = Render(TwoPages, """{ "hasChildren": true }""", r => r with { Page = 1 });

        Assert.Equal(["name"], first.Controls().Select(c => c.GetAttribute("name")));
        Assert.Equal("Welcome", first.QuerySelector(".form-text")!.TextContent.Trim());
        Assert.Equal(["family.children[0].name", "family.count", "consent"], second.Controls().Select(c => c.GetAttribute("name")));
        Assert.DoesNotContain(second.QuerySelectorAll("legend"), l => l.TextContent == "Your children");
    }

    [Fact]
    public void Render_WithoutPage_RendersEveryPageAsAFieldset()
    {
        var doc = Render(TwoPages, """{ "hasChildren": true }""");

        Assert.Equal(["About you", "Your children"], doc.QuerySelectorAll("form > fieldset > legend").Select(l => l.TextContent));
    }

    [Fact]
    public void VisiblePages_LeavesOutAPageWhoseGroupIsHidden()
    {
        var pages = FormRenderer.VisiblePages(Schema(TwoPages), Json("""{ "hasChildren": false }"""));

        Assert.Equal([0], pages.Select(p => p.Index));
    }

    [Fact]
    public void Render_OfAMissingPage_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Render(TwoPages, change: r => r with { Page = 2 }));
    }
}

using System.Text;
using System.Text.Json.Nodes;
using Sandbox.Forms.Rendering.Internal;

namespace Sandbox.Forms.Rendering;

/// <summary>
/// Renders a form-js schema as accessible server-side HTML: Designsystemet classes, a label for every input,
/// hints and errors wired through <c>aria-describedby</c>, no scripts and no inline styles.
/// </summary>
public static class FormRenderer
{
    /// <summary>
    /// The attribute (value: the component's address) on the element around a component whose visibility depends on
    /// answers, written when <see cref="RenderRequest.LiveConditions"/> is set.
    /// </summary>
    public const string ConditionalAttribute = "data-conditional";

    /// <summary>The attribute on controls that are disabled only because they sit in a hidden component.</summary>
    public const string HiddenDisabledAttribute = "data-hidden-disabled";

    /// <summary>The HTML of the form's fields (or of one page): fieldsets, inputs, labels, hints and errors; no <c>&lt;form&gt;</c> tag.</summary>
    /// <exception cref="Sandbox.Forms.Validation.FormSchemaException">The schema cannot be used.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page does not exist.</exception>
    public static string Render(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new FormWriter(request).Write(FormTree.Build(request.Schema));
    }

    /// <summary>
    /// An error summary (<c>&lt;div class="ds-error-summary"&gt;</c>) with one link per message to its field
    /// (<c>#field-…</c>), in form order; an empty string when there are no errors.
    /// </summary>
    public static string ErrorSummary(IReadOnlyDictionary<string, string[]> errors, JsonObject schema, string language)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0) return "";
        var index = new FieldIndex(FormTree.Build(schema).Nodes);
        var texts = Texts.For(language);
        var html = new StringBuilder();
        html.Append("<div class=\"ds-error-summary\" tabindex=\"-1\" autofocus aria-labelledby=\"error-summary-heading\">");
        html.Append("<h2 class=\"ds-heading\" data-size=\"xs\" id=\"error-summary-heading\">").Text(texts["summary"]).Append("</h2>");
        html.Append("<ul class=\"ds-list\">");
        foreach (var (path, messages) in errors.OrderBy(e => index.Order(e.Key)))
        {
            var label = index.Describe(path);
            foreach (var message in messages)
            {
                html.Append("<li><a class=\"ds-link\"").Attr("href", "#" + Html.Id(path)).Append('>')
                    .Text(label is null ? message : $"{label}: {message}").Append("</a></li>");
            }
        }
        return html.Append("</ul></div>").ToString();
    }

    /// <summary>
    /// The pages of a form: one per top-level group (title = the group's label); components between groups join
    /// the next group's page, those after the last group the last page. A form without top-level groups is one page.
    /// </summary>
    public static IReadOnlyList<FormPage> Pages(JsonObject schema) =>
        [.. FormTree.Build(schema).PageList.Select(p => new FormPage(p.Index, p.Title, FieldIndex.Paths(p.Nodes)))];

    /// <summary>The pages whose group is not hidden by its <c>conditional.hide</c> over <paramref name="data"/>, with their original indexes.</summary>
    public static IReadOnlyList<FormPage> VisiblePages(JsonObject schema, JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var expressions = new Expressions(data);
        return [.. FormTree.Build(schema).PageList
            .Where(p => p.Group is null || !expressions.IsHidden(p.Group, Scope.Root(data)))
            .Select(p => new FormPage(p.Index, p.Title, FieldIndex.Paths(p.Nodes)))];
    }

    /// <summary>
    /// The addresses (<see cref="ConditionalAttribute"/> values) of the components on a page (0-based; null = every
    /// page) that are hidden by their <c>conditional.hide</c> over <paramref name="data"/>, evaluated with the same
    /// FEEL expressions and variables as the validator and <see cref="Render"/>; those under a hidden group included.
    /// </summary>
    /// <exception cref="Sandbox.Forms.Validation.FormSchemaException">The schema cannot be used.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The page does not exist.</exception>
    public static IReadOnlyList<string> HiddenComponents(JsonObject schema, JsonObject data, int? page)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Conditions.Hidden(FormTree.Build(schema), page, new Expressions(data));
    }
}

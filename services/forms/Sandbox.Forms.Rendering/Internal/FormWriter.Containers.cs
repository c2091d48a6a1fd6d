using System.Text.Json.Nodes;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Rendering.Internal;

internal sealed partial class FormWriter
{
    /// <summary>The name of the submit button that asks for another row of a dynamic list (its value is the list's path).</summary>
    public const string AddField = "$add";

    /// <summary>The name of the checkboxes that remove a dynamic list's row (their value is the row's path).</summary>
    public const string RemoveField = "$remove";

    // A dynamic list: its rows, then (when rows may be added) one empty row and an "add another" button.
    private void DynamicList(Node node, Scope scope)
    {
        var path = scope.Join(node.Model.Path!);
        var id = Html.Id(path);
        var (items, canAdd, rows) = Rows(node, scope);
        var label = _expressions.Text(node.Model.Label, scope);
        string[] errors = _request.Errors.TryGetValue(path, out var e) ? e : [];

        _html.Append("<fieldset class=\"ds-fieldset\"").Attr("id", id)
            .Attr("aria-describedby", errors.Length > 0 ? $"{id}-error" : null).Append('>');
        if (!string.IsNullOrEmpty(label)) _html.Append("<legend class=\"ds-label\">").Text(label).Append("</legend>");
        for (var i = 0; i < rows; i++)
        {
            var item = i < items.Count && items[i] is JsonObject existing ? existing : new JsonObject();
            Row(node, scope.Item(item, path, i), label, i, canAdd && i < items.Count);
        }
        if (errors.Length > 0)
            _html.Append("<p class=\"ds-validation-message\" data-field=\"validation\"").Attr("id", $"{id}-error").Append('>').Text(string.Join(" ", errors)).Append("</p>");
        if (canAdd)
        {
            _html.Append("<button type=\"submit\" class=\"ds-button\" data-variant=\"secondary\"")
                .Attr("name", _request.FieldPrefix + AddField).Attr("value", path);
            Disabled(_html, false).Append('>').Text(_texts["add"]).Append("</button>");
        }
        _html.Append("</fieldset>");
    }

    /// <summary>A dynamic list's saved rows, whether rows may be added, and how many rows are drawn (one empty row to add).</summary>
    public static (JsonArray Items, bool CanAdd, int Rows) Rows(Node node, Scope scope)
    {
        var items = DataPath.Get(scope.Data, node.Model.Path!) as JsonArray ?? [];
        var canAdd = !node.Json.ContainsKey("allowAddRemove") || node.Flag("allowAddRemove");
        return (items, canAdd, canAdd ? items.Count + 1 : Math.Max(items.Count, node.Integer("defaultRepetitions") ?? 1));
    }

    private void Row(Node list, Scope row, string? label, int index, bool removable)
    {
        var title = string.IsNullOrEmpty(label) ? _texts.Format("item", index + 1) : $"{label} {index + 1}";
        _html.Append("<fieldset class=\"ds-fieldset\"").Attr("id", Html.Id(row.Path)).Append('>');
        _html.Append("<legend class=\"ds-label\">").Text(title).Append("</legend>");
        foreach (var child in list.Children) Component(child, row);
        if (removable)
        {
            var id = Html.Id(row.Path) + "remove";
            _html.Append("<div class=\"ds-field\"><input class=\"ds-input\" type=\"checkbox\"").Attr("id", id)
                .Attr("name", _request.FieldPrefix + RemoveField).Attr("value", row.Path);
            Disabled(_html, false).Append('>');
            _html.Append("<label class=\"ds-label\"").Attr("for", id).Append('>').Text(_texts.Format("remove", title)).Append("</label></div>");
        }
        _html.Append("</fieldset>");
    }

    private void Presentational(Node node, Scope scope)
    {
        switch (node.Type)
        {
            case "text":
                var text = _expressions.Content(node.Text("text"), scope, s => s);
                if (!string.IsNullOrWhiteSpace(text)) _html.Append("<div class=\"form-text\">").Append(SafeHtml.FromMarkdown(text)).Append("</div>");
                break;
            case "html":
                var content = _expressions.Content(node.Text("content"), scope, Html.Encode);
                if (!string.IsNullOrWhiteSpace(content)) _html.Append("<div class=\"form-html\">").Append(SafeHtml.Clean(content)).Append("</div>");
                break;
            case "image":
                var source = _expressions.Text(node.Text("source"), scope);
                if (SafeImage(source))
                    _html.Append("<img class=\"form-image\"").Attr("src", source).Attr("alt", _expressions.Text(node.Text("alt"), scope) ?? "").Append('>');
                break;
            case "separator":
                _html.Append("<hr class=\"ds-divider\">");
                break;
            case "spacer":
                _html.Append("<div class=\"form-spacer\" aria-hidden=\"true\"></div>");
                break;
        }
    }

    // Images come from the web or are embedded pictures; anything else (javascript:, data:text/html) is left out.
    private static bool SafeImage(string? source) =>
        !string.IsNullOrWhiteSpace(source)
        && (source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || source.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || source.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase) && !source.StartsWith("data:image/svg", StringComparison.OrdinalIgnoreCase)
            || source.StartsWith('/') && !source.StartsWith("//", StringComparison.Ordinal));
}

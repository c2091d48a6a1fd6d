using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Rendering.Internal;

/// <summary>Writes the check-your-answers list; hidden and disabled fields and presentational components are left out.</summary>
internal sealed class AnswersWriter(JsonObject data, Texts texts, IReadOnlyDictionary<string, AttachmentInfo> attachments, Func<int, string, string?>? changeLink)
{
    private readonly StringBuilder _html = new();
    private readonly Expressions _expressions = new(data);
    private int _page = -1;

    public string Write(FormTree tree)
    {
        _html.Append("<dl class=\"form-answers\">");
        foreach (var page in tree.PageList)
        {
            _page = page.Index;
            Items(page.Nodes, Scope.Root(data));
        }
        return _html.Append("</dl>").ToString();
    }

    private void Items(IEnumerable<Node> nodes, Scope scope)
    {
        foreach (var node in nodes)
        {
            if (_expressions.IsHidden(node, scope) || node.Model.Disabled) continue;
            if (node.Model.IsInput) Input(node, scope);
            else if (node.Type == ComponentTypes.Group) Group(node, scope);
            else if (node.Type == ComponentTypes.DynamicList) List(node, scope);
        }
    }

    private void Group(Node node, Scope scope)
    {
        var inner = node.Model.Path is { } path ? scope.Nested(path, create: false) : scope;
        var label = _expressions.Text(node.Model.Label, scope);
        if (string.IsNullOrEmpty(label)) { Items(node.Children, inner); return; }
        _html.Append("<div class=\"form-answer\"><dt>").Text(label).Append("</dt><dd><dl>");
        Items(node.Children, inner);
        _html.Append("</dl></dd></div>");
    }

    private void List(Node node, Scope scope)
    {
        var path = scope.Join(node.Model.Path!);
        var label = _expressions.Text(node.Model.Label, scope) ?? node.Model.Path!;
        _html.Append("<div class=\"form-answer\"><dt>").Text(label).Append("</dt><dd>");
        if (DataPath.Get(scope.Data, node.Model.Path!) is JsonArray { Count: > 0 } items)
        {
            _html.Append("<ol class=\"ds-list\">");
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not JsonObject item) continue;
                _html.Append("<li><dl>");
                Items(node.Children, scope.Item(item, path, i));
                _html.Append("</dl></li>");
            }
            _html.Append("</ol>");
        }
        else _html.Text(texts["unanswered"]);
        _html.Append("</dd></div>");
    }

    private void Input(Node node, Scope scope)
    {
        var path = scope.Join(node.Model.Key!);
        var label = _expressions.Text(node.Model.Label, scope)
            ?? (node.Type == ComponentTypes.Datetime ? node.Text("dateLabel") ?? node.Text("timeLabel") : null)
            ?? node.Model.Key!;
        _html.Append("<div class=\"form-answer\"><dt>").Text(label).Append("</dt><dd>");
        Value(node, scope, DataPath.Get(scope.Data, node.Model.Key!));
        _html.Append("</dd>");
        if (scope.Indexes.Length == 0 && changeLink?.Invoke(_page, Html.Id(path)) is { } href)
            _html.Append("<dd><a class=\"ds-link\"").Attr("href", href).Append('>').Text(texts["change"])
                .Append("<span class=\"ds-sr-only\"> ").Text(label).Append("</span></a></dd>");
        _html.Append("</div>");
    }

    private void Value(Node node, Scope scope, JsonNode? value)
    {
        if (node.Type == ComponentTypes.Checkbox) { _html.Text(texts[value?.GetValueKind() == JsonValueKind.True ? "yes" : "no"]); return; }
        var shown = Shown(node, scope, value);
        if (shown.Count == 0) _html.Text(texts["unanswered"]);
        else if (shown.Count == 1) Multiline(shown[0]);
        else
        {
            _html.Append("<ul class=\"ds-list\">");
            foreach (var s in shown) _html.Append("<li>").Text(s).Append("</li>");
            _html.Append("</ul>");
        }
    }

    private void Multiline(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) _html.Append("<br>");
            _html.Text(lines[i]);
        }
    }

    private List<string> Shown(Node node, Scope scope, JsonNode? value)
    {
        if (JsonValues(value) is not { Count: > 0 } values) return [];
        return node.Type switch
        {
            ComponentTypes.Select or ComponentTypes.Radio or ComponentTypes.Checklist or ComponentTypes.Taglist =>
                [.. values.Select(v => Options.Find(Options.Of(node, scope, _expressions), v)?.Label ?? Options.Posted(v))],
            ComponentTypes.Filepicker => [.. values.Select(v => attachments.TryGetValue(Options.Posted(v), out var a) ? a.FileName : Options.Posted(v))],
            ComponentTypes.Number => [.. values.Select(Number)],
            ComponentTypes.Datetime => [.. values.Select(v => When(node.Model.Subtype, Options.Posted(v)))],
            _ => [.. values.Select(Options.Posted).Where(s => s.Length > 0)],
        };
    }

    private static List<JsonNode> JsonValues(JsonNode? value) => value switch
    {
        null => [],
        JsonArray list => [.. list.OfType<JsonNode>()],
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => [],
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0 => [],
        _ => [value],
    };

    private string Number(JsonNode value) =>
        decimal.TryParse(Options.Posted(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("#,##0.############", texts.Culture) : Options.Posted(value);

    private string When(string? subtype, string text)
    {
        if (subtype != "time" && DateOnly.TryParseExact(text.Length >= 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var day = date.ToString("d", texts.Culture);
            return subtype == "datetime" && text.Length >= 16 ? $"{day} {text[11..16]}" : day;
        }
        return subtype == "time" && text.Length >= 5 ? text[..5] : text;
    }
}

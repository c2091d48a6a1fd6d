using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Rendering.Internal;

internal sealed partial class FormWriter
{
    private void TextInput(Node node, Scope scope)
    {
        var (type, label, value) = node.Type switch
        {
            ComponentTypes.Number => ("text", null, Options.Posted(Current(node, scope))),
            ComponentTypes.Datetime => DateInput(node, scope),
            _ => (node.Model.Rules.ValidationType switch { "email" => "email", "phone" => "tel", _ => "text" }, null, Options.Posted(Current(node, scope))),
        };
        var field = FieldOf(node, scope, label);
        _html.Append("<div class=\"ds-field\">");
        Label(field, field.Id);
        Hint(field);
        var prefix = _expressions.Text(Str(node.Json["appearance"]?["prefixAdorner"]), scope);
        var suffix = _expressions.Text(Str(node.Json["appearance"]?["suffixAdorner"]), scope);
        var affixes = !string.IsNullOrEmpty(prefix) || !string.IsNullOrEmpty(suffix);
        if (affixes) _html.Append("<div class=\"ds-field-affixes\">");
        if (!string.IsNullOrEmpty(prefix)) _html.Append("<span class=\"ds-field-affix\" aria-hidden=\"true\">").Text(prefix).Append("</span>");
        _html.Append("<input class=\"ds-input\"").Attr("type", type);
        Common(field, field.Id, field.DescribedBy()).Attr("value", value);
        if (node.Type == ComponentTypes.Number) _html.Attr("inputmode", node.Model.DecimalDigits == 0 ? "numeric" : "decimal");
        if (type == "email") _html.Append(" autocomplete=\"email\" spellcheck=\"false\"");
        if (type == "tel") _html.Append(" autocomplete=\"tel\"");
        _html.Append('>');
        if (!string.IsNullOrEmpty(suffix)) _html.Append("<span class=\"ds-field-affix\" aria-hidden=\"true\">").Text(suffix).Append("</span>");
        if (affixes) _html.Append("</div>");
        Errors(field);
        _html.Append("</div>");
    }

    // form-js labels a datetime by dateLabel/timeLabel; the browser's own date and time inputs post ISO values.
    private (string Type, string? Label, string Value) DateInput(Node node, Scope scope)
    {
        var value = Options.Posted(Current(node, scope));
        return node.Model.Subtype switch
        {
            "time" => ("time", node.Text("timeLabel"), Clock(value)),
            "datetime" => ("datetime-local", node.Text("dateLabel"), value.Length >= 16 ? value[..10] + "T" + Clock(value[11..]) : value),
            _ => ("date", node.Text("dateLabel"), value),
        };
    }

    // HH:mm of a stored time such as 10:30, 10:30Z or 10:30+01:00.
    private static string Clock(string time) => time.Length >= 5 && time[2] == ':' ? time[..5] : time;

    private void TextArea(Node node, Scope scope)
    {
        var field = FieldOf(node, scope);
        _html.Append("<div class=\"ds-field\">");
        Label(field, field.Id);
        Hint(field);
        _html.Append("<textarea class=\"ds-input\" rows=\"5\"");
        Common(field, field.Id, field.DescribedBy()).Append('>');
        // A leading newline would be swallowed by the HTML parser, so one is always written first.
        _html.Append('\n').Text(Options.Posted(Current(node, scope))).Append("</textarea>");
        Errors(field);
        _html.Append("</div>");
    }

    private void Select(Node node, Scope scope)
    {
        var field = FieldOf(node, scope);
        var options = Options.Of(node, scope, _expressions);
        var selected = Options.Find(options, field.Value) ?? (field.Value is null ? null : new Option("", field.Value));
        _html.Append("<div class=\"ds-field\">");
        Label(field, field.Id);
        Hint(field);
        _html.Append("<select class=\"ds-input\"");
        Common(field, field.Id, field.DescribedBy(), canBeReadonly: false).Append('>');
        _html.Append("<option value=\"\">").Text(_texts["choose"]).Append("</option>");
        foreach (var option in options)
            _html.Append("<option").Attr("value", option.Posted).Flag("selected", selected?.Posted == option.Posted).Append('>').Text(option.Label).Append("</option>");
        _html.Append("</select>");
        Errors(field);
        _html.Append("</div>");
    }

    // As in the viewer: a field the data does not mention shows its default value; one set to null stays empty.
    private static JsonNode? Current(Node node, Scope scope) =>
        DataPath.Has(scope.Data, node.Model.Key!) ? DataPath.Get(scope.Data, node.Model.Key!) : node.Model.DefaultValue;

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static bool IsTrue(JsonNode? value) => value?.GetValueKind() == JsonValueKind.True;
}

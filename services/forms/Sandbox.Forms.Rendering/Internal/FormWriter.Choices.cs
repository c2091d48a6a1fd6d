using System.Text.Json.Nodes;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Rendering.Internal;

internal sealed partial class FormWriter
{
    private void Checkbox(Node node, Scope scope)
    {
        var field = FieldOf(node, scope);
        _html.Append("<div class=\"ds-field\">");
        _html.Append("<input class=\"ds-input\" type=\"checkbox\" value=\"true\"");
        Common(field, field.Id, field.DescribedBy(), canBeReadonly: false).Flag("checked", IsTrue(field.Value)).Append('>');
        Label(field, field.Id);
        Hint(field);
        Errors(field);
        _html.Append("</div>");
    }

    // Radios, checklists and taglists (checkboxes without JavaScript): a fieldset whose legend is the label.
    // The first input has the field's id, so that the error summary's link lands on it.
    private void Choices(Node node, Scope scope, string inputType)
    {
        var field = FieldOf(node, scope);
        var options = Options.Of(node, scope, _expressions);
        var chosen = field.Value is JsonArray list ? list.ToList() : [field.Value];
        _html.Append("<fieldset class=\"ds-fieldset\"").Attr("aria-describedby", field.DescribedBy()).Append('>');
        _html.Append("<legend class=\"ds-label\">").Text(field.Label);
        RequiredMark(field);
        _html.Append("</legend>");
        Hint(field);
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            var id = i == 0 ? field.Id : $"{field.Id}-{i}";
            _html.Append("<div class=\"ds-field\"><input class=\"ds-input\"").Attr("type", inputType).Attr("id", id).Attr("name", field.Name).Attr("value", option.Posted);
            if (field.Invalid) _html.Append(" aria-invalid=\"true\"");
            Disabled(_html, field.Disabled || field.Readonly)
                .Flag("checked", chosen.Any(c => c is not null && JsonNode.DeepEquals(c, option.Value))).Append('>');
            _html.Append("<label class=\"ds-label\"").Attr("for", id).Append('>').Text(option.Label).Append("</label></div>");
        }
        Errors(field);
        _html.Append("</fieldset>");
    }

    private void FilePicker(Node node, Scope scope)
    {
        var field = FieldOf(node, scope);
        var ids = field.Value is JsonArray many ? many.Select(Options.Posted).ToList() : field.Value is null ? [] : [Options.Posted(field.Value)];
        var listId = ids.Count > 0 ? $"{field.Id}-files" : null;
        _html.Append("<div class=\"ds-field\">");
        Label(field, field.Id);
        Hint(field);
        if (listId is not null)
        {
            _html.Append("<p class=\"ds-paragraph\" data-size=\"sm\"").Attr("id", $"{listId}-title").Append('>').Text(_texts["files"]).Append("</p>");
            _html.Append("<ul class=\"ds-list\"").Attr("id", listId).Attr("aria-labelledby", $"{listId}-title").Append('>');
            foreach (var id in ids)
            {
                var name = _request.Attachments.TryGetValue(id, out var info) ? $"{info.FileName} ({Size(info.Size)})" : id;
                _html.Append("<li>").Text(name).Append("</li>");
            }
            _html.Append("</ul>");
        }
        _html.Append("<input class=\"ds-input\" type=\"file\"");
        Common(field, field.Id, field.DescribedBy(listId), canBeReadonly: false)
            .Attr("accept", NullIfEmpty(node.Text("accept"))).Flag("multiple", node.Flag("multiple")).Append('>');
        Errors(field);
        _html.Append("</div>");
    }

    private string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", _texts.Culture) + " kB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.#", _texts.Culture) + " MB",
    };
}

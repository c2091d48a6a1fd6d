using System.Text;
using System.Text.Json.Nodes;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Rendering.Internal;

/// <summary>Writes the HTML of a form's components; one instance per render.</summary>
internal sealed partial class FormWriter
{
    private readonly StringBuilder _html = new();
    private readonly RenderRequest _request;
    private readonly Expressions _expressions;
    private readonly Texts _texts;

    // How many hidden components the writer is inside: their inputs are written disabled.
    private int _hiddenDepth;

    public FormWriter(RenderRequest request)
    {
        _request = request;
        _expressions = new Expressions(request.Data);
        _texts = Texts.For(request.Language);
    }

    public string Write(FormTree tree)
    {
        var page = tree.Page(_request.Page);
        var scope = Scope.Root(_request.Data);
        foreach (var node in page.Nodes)
        {
            // On a page of its own, a page's group is the page: its label is the page heading the portal shows.
            if (_request.Page is not null && ReferenceEquals(node, page.Group)) GroupContent(node, scope);
            else Component(node, scope);
        }
        return _html.ToString();
    }

    private void Component(Node node, Scope scope)
    {
        var hidden = _expressions.IsHidden(node, scope);
        if (!_request.LiveConditions || node.Model.Hide is null)
        {
            if (!hidden) Draw(node, scope);
            return;
        }
        // A component whose visibility depends on answers: wrapped, so that a script can show or hide it as they change.
        _html.Append("<div").Attr(FormRenderer.ConditionalAttribute, node.Address(scope.Path)).Flag("hidden", hidden).Append('>');
        if (hidden) _hiddenDepth++;
        Draw(node, scope);
        if (hidden) _hiddenDepth--;
        _html.Append("</div>");
    }

    private void Draw(Node node, Scope scope)
    {
        switch (node.Type)
        {
            case ComponentTypes.Group: Group(node, scope); break;
            case ComponentTypes.DynamicList: DynamicList(node, scope); break;
            case ComponentTypes.Checkbox: Checkbox(node, scope); break;
            case ComponentTypes.Radio: Choices(node, scope, "radio"); break;
            case ComponentTypes.Checklist or ComponentTypes.Taglist: Choices(node, scope, "checkbox"); break;
            case ComponentTypes.Select: Select(node, scope); break;
            case ComponentTypes.Filepicker: FilePicker(node, scope); break;
            case ComponentTypes.Textarea: TextArea(node, scope); break;
            case ComponentTypes.Textfield or ComponentTypes.Number or ComponentTypes.Datetime: TextInput(node, scope); break;
            default: Presentational(node, scope); break;
        }
    }

    private void Group(Node node, Scope scope)
    {
        var label = _expressions.Text(node.Model.Label, scope);
        var id = node.Model.Path is { } path ? Html.Id(scope.Join(path)) : null;
        _html.Append("<fieldset class=\"ds-fieldset\"").Attr("id", id).Append('>');
        if (!string.IsNullOrEmpty(label)) _html.Append("<legend class=\"ds-label\">").Text(label).Append("</legend>");
        GroupContent(node, scope);
        _html.Append("</fieldset>");
    }

    private void GroupContent(Node node, Scope scope)
    {
        var inner = node.Model.Path is { } path ? scope.Nested(path, create: false) : scope;
        foreach (var child in node.Children) Component(child, inner);
    }

    /// <summary>What every field has: its data path, name, id, label, hint and errors.</summary>
    private sealed record Field(string Path, string Name, string Id, string Label, string? Hint, string[] Errors, bool Required, bool Readonly, bool Disabled, JsonNode? Value)
    {
        public string HintId => $"{Id}-hint";
        public string ErrorId => $"{Id}-error";
        public bool Invalid => Errors.Length > 0;
        public string? DescribedBy(params string?[] more) =>
            Html.Ids([Hint is null ? null : HintId, .. more, Invalid ? ErrorId : null]);
    }

    private Field FieldOf(Node node, Scope scope, string? label = null)
    {
        var path = scope.Join(node.Model.Key!);
        return new Field(
            path,
            _request.FieldPrefix + path,
            Html.Id(path),
            _expressions.Text(label ?? node.Model.Label, scope) ?? node.Model.Key!,
            NullIfEmpty(_expressions.Text(node.Text("description"), scope)),
            _request.Errors.TryGetValue(path, out var errors) ? errors : [],
            _expressions.IsRequired(node, scope),
            _expressions.IsReadonly(node, scope),
            node.Model.Disabled,
            Current(node, scope));
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private void Label(Field field, string forId, string cssClass = "ds-label")
    {
        _html.Append("<label class=\"").Append(cssClass).Append('"').Attr("for", forId).Append('>').Text(field.Label);
        RequiredMark(field);
        _html.Append("</label>");
    }

    private void RequiredMark(Field field)
    {
        if (field.Required) _html.Append(" <span class=\"form-required\">").Text(_texts["required"]).Append("</span>");
    }

    private void Hint(Field field)
    {
        if (field.Hint is not null) _html.Append("<div data-field=\"description\"").Attr("id", field.HintId).Append('>').Text(field.Hint).Append("</div>");
    }

    private void Errors(Field field)
    {
        if (!field.Invalid) return;
        _html.Append("<p class=\"ds-validation-message\" data-field=\"validation\"").Attr("id", field.ErrorId).Append('>');
        for (var i = 0; i < field.Errors.Length; i++)
        {
            if (i > 0) _html.Append("<br>");
            _html.Text(field.Errors[i]);
        }
        _html.Append("</p>");
    }

    /// <summary>The attributes every input shares: id, name, description, invalid, required, readonly, disabled.</summary>
    private StringBuilder Common(Field field, string id, string? describedBy, bool canBeReadonly = true)
    {
        _html.Attr("id", id).Attr("name", field.Name).Attr("aria-describedby", describedBy);
        if (field.Invalid) _html.Append(" aria-invalid=\"true\"");
        if (field.Required) _html.Append(" aria-required=\"true\"");
        return Disabled(_html.Flag("readonly", field.Readonly && canBeReadonly), field.Disabled || (field.Readonly && !canBeReadonly));
    }

    /// <summary>
    /// <c>disabled</c> when the control is, or when it sits in a hidden component (then also marked, so that a
    /// script showing the component enables only what hiding disabled).
    /// </summary>
    private StringBuilder Disabled(StringBuilder html, bool disabled)
    {
        if (disabled) return html.Append(" disabled");
        if (_hiddenDepth > 0) html.Append(" disabled ").Append(FormRenderer.HiddenDisabledAttribute);
        return html;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Rendering.Internal;

/// <summary>Reads posted strings back into typed form data, component by component.</summary>
internal sealed class Binder(IReadOnlyDictionary<string, StringValues> posted, Expressions shown)
{
    /// <summary>First pass: every posted field of <paramref name="nodes"/> into the data of <paramref name="scope"/>.</summary>
    public void Bind(IEnumerable<Node> nodes, Scope scope)
    {
        foreach (var node in nodes)
        {
            if (node.Type == ComponentTypes.Group) Bind(node.Children, node.Model.Path is { } p ? scope.Nested(p, create: true) : scope);
            else if (node.Type == ComponentTypes.DynamicList) BindList(node, scope);
            else if (!node.Model.IsInput || node.Type == ComponentTypes.Filepicker) continue;
            else if (Locked(node, scope)) KeepInitial(node, scope);
            else if (posted.TryGetValue(scope.Join(node.Model.Key!), out var values)) Set(scope, node.Model.Key!, Convert(node, scope, values));
        }
    }

    /// <summary>
    /// Second pass over the bound data: a visible checkbox, checklist or taglist that posted nothing was left
    /// empty by the citizen (browsers post nothing for an unticked box).
    /// </summary>
    public void Unticked(IEnumerable<Node> nodes, Scope scope, Expressions current)
    {
        foreach (var node in nodes)
        {
            if (current.IsHidden(node, scope) || Locked(node, scope)) continue;
            if (node.Type == ComponentTypes.Group) Unticked(node.Children, node.Model.Path is { } p ? scope.Nested(p, create: true) : scope, current);
            else if (node.Type == ComponentTypes.DynamicList && DataPath.Get(scope.Data, node.Model.Path!) is JsonArray items)
            {
                var path = scope.Join(node.Model.Path!);
                for (var i = 0; i < items.Count; i++)
                    if (items[i] is JsonObject item) Unticked(node.Children, scope.Item(item, path, i), current);
            }
            else if (posted.ContainsKey(scope.Join(node.Model.Key ?? "")) || node.Model.Key is null) continue;
            else if (node.Type == ComponentTypes.Checkbox) Set(scope, node.Model.Key, false);
            else if (ComponentTypes.MultiSelect.Contains(node.Type)) Set(scope, node.Model.Key, new JsonArray());
        }
    }

    private bool Locked(Node node, Scope scope) => node.Model.Disabled || shown.IsReadonly(node, scope);

    // The viewer submits a read-only field's initial value, which is its default when the data has none.
    private static void KeepInitial(Node node, Scope scope)
    {
        if (!node.Model.Disabled && node.Model.DefaultValue is { } initial && !DataPath.Has(scope.Data, node.Model.Key!))
            Set(scope, node.Model.Key!, initial.DeepClone());
    }

    // Rows already in the data stay (a removal is explicit); a new row is kept only when something was typed into it.
    private void BindList(Node node, Scope scope)
    {
        var path = scope.Join(node.Model.Path!);
        var existing = DataPath.Get(scope.Data, node.Model.Path!) as JsonArray;
        var rows = Math.Max(existing?.Count ?? 0, PostedRows(path));
        if (rows == 0) return;
        var result = new JsonArray();
        for (var i = 0; i < rows; i++)
        {
            var isNew = existing is null || i >= existing.Count;
            if (isNew && !Typed(node.Children, $"{path}[{i}]")) continue;
            var item = !isNew && existing![i] is JsonObject o ? (JsonObject)o.DeepClone() : new JsonObject();
            Bind(node.Children, scope.Item(item, path, i));
            result.Add(item);
        }
        Set(scope, node.Model.Path!, result);
    }

    private int PostedRows(string listPath)
    {
        var rows = 0;
        var start = listPath + "[";
        foreach (var name in posted.Keys)
        {
            if (!name.StartsWith(start, StringComparison.Ordinal)) continue;
            var end = name.IndexOf(']', start.Length);
            if (end > 0 && int.TryParse(name.AsSpan(start.Length, end - start.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < 1_000)
                rows = Math.Max(rows, i + 1);
        }
        return rows;
    }

    // True when something other than the default values was posted for the fields under a new row.
    private bool Typed(IEnumerable<Node> nodes, string prefix)
    {
        foreach (var node in nodes)
        {
            if (node.Type == ComponentTypes.Group && Typed(node.Children, node.Model.Path is { } p ? $"{prefix}.{p}" : prefix)) return true;
            if (node.Type == ComponentTypes.DynamicList)
            {
                var list = $"{prefix}.{node.Model.Path}";
                if (Enumerable.Range(0, PostedRows(list)).Any(i => Typed(node.Children, $"{list}[{i}]"))) return true;
            }
            if (!node.Model.IsInput || !posted.TryGetValue($"{prefix}.{node.Model.Key}", out var values)) continue;
            var typed = values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
            if (typed.Count > 0 && !typed.SequenceEqual(Defaults(node))) return true;
        }
        return false;
    }

    // What the browser posts for a field showing its default value.
    private static IEnumerable<string> Defaults(Node node) => node.Model.DefaultValue switch
    {
        null => [],
        JsonArray many => many.Select(Options.Posted),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.False => [],
        var one => [Options.Posted(one)],
    };

    // A cleared field is set to null rather than removed, so that its default value does not come back.
    private static void Set(Scope scope, string key, JsonNode? value) => DataPath.Set(scope.Data, key, value);

    private JsonNode? Convert(Node node, Scope scope, StringValues values)
    {
        var text = values.Count > 0 ? values[0] ?? "" : "";
        return node.Type switch
        {
            ComponentTypes.Checkbox => values.Any(v => v is "true" or "on"),
            ComponentTypes.Checklist or ComponentTypes.Taglist => Choices(node, scope, values),
            ComponentTypes.Select or ComponentTypes.Radio => text.Length == 0 ? null : Choice(node, scope, text),
            ComponentTypes.Number => Number(node, text),
            ComponentTypes.Datetime => text.Trim() is { Length: > 0 } when ? when : null,
            ComponentTypes.Textarea => text.ReplaceLineEndings("\n"),
            _ => text,
        };
    }

    private JsonNode Choice(Node node, Scope scope, string text) =>
        Options.FindPosted(Options.Of(node, scope, shown), text)?.Value?.DeepClone() ?? JsonValue.Create(text);

    private JsonArray Choices(Node node, Scope scope, StringValues values)
    {
        var options = Options.Of(node, scope, shown);
        var result = new JsonArray();
        foreach (var v in values.Distinct())
        {
            if (string.IsNullOrEmpty(v)) continue;
            result.Add(Options.FindPosted(options, v)?.Value?.DeepClone() ?? JsonValue.Create(v));
        }
        return result;
    }

    // Numbers as people type them: spaces between thousands, a decimal comma. What does not read as a number
    // stays text, so that validation names the field.
    private static JsonNode? Number(Node node, string text)
    {
        var compact = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F')]);
        if (compact.Length == 0) return null;
        if (!compact.Contains('.')) compact = compact.Replace(',', '.');
        compact = compact.Replace('\u2212', '-');
        if (!decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(text.Trim());
        number /= 1.0000000000000000000000000000m; // drops trailing zeros
        return node.Model.SerializeToString ? JsonValue.Create(number.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(number);
    }
}

using System.Text.Json.Nodes;

namespace Sandbox.Forms.Rendering.Internal;

/// <summary>
/// Where a component's data lives: <see cref="Data"/> is the object its key is read from, <see cref="Path"/> the
/// data path prefix; <see cref="Local"/>, <see cref="Parent"/> and <see cref="Indexes"/> are the viewer's
/// <c>this</c>, <c>parent</c> and <c>i</c>.
/// </summary>
internal sealed record Scope(JsonObject Data, string Path, JsonObject Local, JsonObject? Parent, int[] Indexes)
{
    public static Scope Root(JsonObject data) => new(data, "", data, null, []);

    public string Join(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    /// <summary>The scope of a group with a path (its data is the nested object, created on demand when <paramref name="create"/>).</summary>
    public Scope Nested(string path, bool create)
    {
        var segments = path.Split('.');
        var target = Data;
        foreach (var s in segments)
        {
            if (target[s] is JsonObject next) { target = next; continue; }
            if (!create) { target = new JsonObject(); break; }
            var made = new JsonObject();
            target[s] = made;
            target = made;
        }
        return this with { Data = target, Path = Join(path) };
    }

    /// <summary>The scope of item <paramref name="index"/> of a dynamic list at <paramref name="listPath"/> (full path).</summary>
    public Scope Item(JsonObject item, string listPath, int index) =>
        new(item, $"{listPath}[{index}]", item, Local, [.. Indexes, index + 1]);
}

internal static class DataPath
{
    public static JsonNode? Get(JsonObject obj, string dotted)
    {
        JsonNode? node = obj;
        foreach (var s in dotted.Split('.')) node = node is JsonObject o && o.TryGetPropertyValue(s, out var next) ? next : null;
        return node;
    }

    /// <summary>True when the data has the property, even with a null value.</summary>
    public static bool Has(JsonObject obj, string dotted)
    {
        var segments = dotted.Split('.');
        var target = obj;
        foreach (var s in segments[..^1])
        {
            if (target[s] is not JsonObject next) return false;
            target = next;
        }
        return target.ContainsKey(segments[^1]);
    }

    public static void Set(JsonObject obj, string dotted, JsonNode? value)
    {
        var segments = dotted.Split('.');
        var target = obj;
        foreach (var s in segments[..^1])
            target = target[s] as JsonObject ?? (JsonObject)(target[s] = new JsonObject());
        target[segments[^1]] = value;
    }

    /// <summary>The list and index a row path (<c>clients[1]</c>, <c>a.b[0].c[2]</c>) names, when both exist.</summary>
    public static bool TryFindRow(JsonObject root, string rowPath, out JsonArray list, out int index)
    {
        list = null!;
        index = -1;
        var open = rowPath.LastIndexOf('[');
        if (open <= 0 || !rowPath.EndsWith(']') || !int.TryParse(rowPath.AsSpan(open + 1, rowPath.Length - open - 2), out index)) return false;
        JsonNode? node = root;
        foreach (var segment in rowPath[..open].Split('.'))
        {
            var parts = segment.Split('[');
            node = node is JsonObject o ? o[parts[0]] : null;
            foreach (var part in parts.Skip(1))
                node = node is JsonArray a && int.TryParse(part.TrimEnd(']'), out var i) && i >= 0 && i < a.Count ? a[i] : null;
        }
        if (node is not JsonArray found || index < 0 || index >= found.Count) return false;
        list = found;
        return true;
    }
}

using System.Text.Json.Nodes;

namespace Sandbox.Forms.Validation;

/// <summary>
/// The form-js viewer's expression context: the form data, with <c>this</c> (the local scope), <c>parent</c> and
/// <c>i</c> (the list indexes, from 1). Built once per scope path; expressions only read it. The validator and the
/// renderer both evaluate through this, so the server and the page never disagree about a rule.
/// </summary>
/// <param name="root">The whole data the expressions see.</param>
public sealed class ViewerVariables(JsonObject root)
{
    private readonly Dictionary<string, JsonObject> _cache = new(StringComparer.Ordinal);

    /// <summary>The whole data the expressions see.</summary>
    public JsonObject Root => root;

    /// <summary>The variables for the scope at <paramref name="path"/>.</summary>
    /// <param name="path">The scope's data path; the cache key.</param>
    /// <param name="local">The viewer's <c>this</c>.</param>
    /// <param name="parent">The viewer's <c>parent</c>, or null at the top.</param>
    /// <param name="indexes">The viewer's <c>i</c>: the enclosing list indexes, from 1.</param>
    public JsonObject For(string path, JsonObject local, JsonObject? parent, IReadOnlyList<int> indexes)
    {
        if (_cache.TryGetValue(path, out var cached)) return cached;
        var variables = (JsonObject)root.DeepClone();
        variables["this"] = local.DeepClone();
        variables["parent"] = parent?.DeepClone();
        variables["i"] = new JsonArray([.. indexes.Select(i => (JsonNode)i)]);
        _cache[path] = variables;
        return variables;
    }

    /// <summary>Forgets the built variables (after the data changed).</summary>
    public void Reset() => _cache.Clear();
}

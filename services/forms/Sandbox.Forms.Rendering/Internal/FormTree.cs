using System.Text.Json.Nodes;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Rendering.Internal;

/// <summary>A component as the validator parsed it, beside the JSON it came from (for texts the validator ignores).</summary>
internal sealed record Node(FormComponent Model, JsonObject Json, IReadOnlyList<Node> Children)
{
    public string Type => Model.Type;

    /// <summary>The component's position among its siblings.</summary>
    public int Position { get; init; }

    public string? Text(string name) => Json[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public bool Flag(string name) => Json[name] is JsonValue v && v.TryGetValue(out bool b) && b;

    public int? Integer(string name) => Json[name] is JsonValue v && v.TryGetValue(out int i) ? i : null;

    /// <summary>
    /// Where this component stands in the rendered form, the same in the HTML and in <see cref="FormRenderer.HiddenComponents"/>:
    /// the data path of an input, list or group with a path; else the scope's path, <c>#</c> and the component's id
    /// (or its position among its siblings).
    /// </summary>
    public string Address(string scopePath)
    {
        var name = Model.IsInput ? Model.Key : Model.Path;
        if (name is not null) return scopePath.Length == 0 ? name : $"{scopePath}.{name}";
        var own = Text("id") is { Length: > 0 } id ? id : $"c{Position}";
        return scopePath.Length == 0 ? $"#{own}" : $"{scopePath}#{own}";
    }
}

/// <summary>A parsed schema with its pages.</summary>
internal sealed class FormTree
{
    private FormTree(IReadOnlyList<Node> nodes, IReadOnlyList<PageNodes> pages)
    {
        Nodes = nodes;
        PageList = pages;
    }

    public IReadOnlyList<Node> Nodes { get; }

    public IReadOnlyList<PageNodes> PageList { get; }

    /// <exception cref="FormSchemaException">The schema cannot be used.</exception>
    public static FormTree Build(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var parsed = FormSchema.Parse(schema);
        var nodes = Zip(parsed.Components, schema["components"] as JsonArray);
        return new FormTree(nodes, SplitPages(nodes));
    }

    public PageNodes Page(int? index) => index is null
        ? new PageNodes(0, null, Nodes, null)
        : index >= 0 && index < PageList.Count ? PageList[index.Value]
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"The form has {PageList.Count} page(s).");

    private static List<Node> Zip(IReadOnlyList<FormComponent> models, JsonArray? json)
    {
        var result = new List<Node>(models.Count);
        for (var i = 0; i < models.Count; i++)
        {
            var obj = (JsonObject)json![i]!;
            result.Add(new Node(models[i], obj, Zip(models[i].Components, obj["components"] as JsonArray)) { Position = i });
        }
        return result;
    }

    // Top-level groups are pages. Components between groups join the next group's page; those after the last
    // group join the last page. A form without top-level groups is one page.
    private static List<PageNodes> SplitPages(IReadOnlyList<Node> nodes)
    {
        var pages = new List<PageNodes>();
        var loose = new List<Node>();
        foreach (var node in nodes)
        {
            if (node.Type != ComponentTypes.Group) { loose.Add(node); continue; }
            pages.Add(new PageNodes(pages.Count, node.Model.Label, [.. loose, node], node));
            loose.Clear();
        }
        if (pages.Count == 0) return [new PageNodes(0, null, nodes, null)];
        if (loose.Count > 0)
        {
            var last = pages[^1];
            pages[^1] = last with { Nodes = [.. last.Nodes, .. loose] };
        }
        return pages;
    }
}

/// <summary>The components of one page; <see cref="Group"/> is the top-level group the page stands for.</summary>
internal sealed record PageNodes(int Index, string? Title, IReadOnlyList<Node> Nodes, Node? Group);

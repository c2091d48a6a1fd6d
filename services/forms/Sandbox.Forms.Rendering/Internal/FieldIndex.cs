using System.Text.RegularExpressions;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Rendering.Internal;

/// <summary>Every data path of a form (list indexes left out) with its label, in form order.</summary>
internal sealed partial class FieldIndex
{
    private readonly Dictionary<string, (int Order, string? Label)> _paths = new(StringComparer.Ordinal);

    public FieldIndex(IEnumerable<Node> nodes) => Add(nodes, "");

    /// <summary>The data paths of the inputs and dynamic lists among <paramref name="nodes"/>.</summary>
    public static List<string> Paths(IEnumerable<Node> nodes, string prefix = "")
    {
        var result = new List<string>();
        foreach (var node in nodes)
        {
            if (node.Model.IsInput) result.Add(Join(prefix, node.Model.Key!));
            else if (node.Type == ComponentTypes.DynamicList) result.Add(Join(prefix, node.Model.Path!));
            else if (node.Type == ComponentTypes.Group) result.AddRange(Paths(node.Children, node.Model.Path is { } p ? Join(prefix, p) : prefix));
        }
        return result;
    }

    /// <summary>The position of a path in the form, for sorting; unknown paths come last.</summary>
    public int Order(string path) => _paths.TryGetValue(Pattern(path), out var entry) ? entry.Order : int.MaxValue;

    /// <summary>A field's label for messages, with the rows it sits in (<c>Name (Clients 2)</c>).</summary>
    public string? Describe(string path)
    {
        if (!_paths.TryGetValue(Pattern(path), out var entry) || entry.Label is null) return null;
        var rows = new List<string>();
        for (var i = path.IndexOf('['); i >= 0; i = path.IndexOf('[', i + 1))
        {
            var end = path.IndexOf(']', i);
            if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), out var index)) break;
            var list = _paths.TryGetValue(Pattern(path[..i]), out var l) ? l.Label : null;
            rows.Add(list is null ? $"{index + 1}" : $"{list} {index + 1}");
        }
        if (rows.Count == 0) return entry.Label;
        return path.EndsWith(']') ? string.Join(", ", rows) : $"{entry.Label} ({string.Join(", ", rows)})";
    }

    private void Add(IEnumerable<Node> nodes, string prefix)
    {
        foreach (var node in nodes)
        {
            var label = node.Model.Label is { } l && !l.StartsWith('=') ? l : null;
            if (node.Model.IsInput)
            {
                var fallback = node.Type == ComponentTypes.Datetime ? node.Text("dateLabel") ?? node.Text("timeLabel") : null;
                _paths.TryAdd(Join(prefix, node.Model.Key!), (_paths.Count, label ?? fallback ?? node.Model.Key));
            }
            else if (node.Type == ComponentTypes.DynamicList)
            {
                var path = Join(prefix, node.Model.Path!);
                _paths.TryAdd(path, (_paths.Count, label));
                Add(node.Children, path);
            }
            else if (node.Type == ComponentTypes.Group) Add(node.Children, node.Model.Path is { } p ? Join(prefix, p) : prefix);
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    private static string Pattern(string path) => Index().Replace(path, "");

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}

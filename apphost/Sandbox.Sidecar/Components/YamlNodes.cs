using YamlDotNet.RepresentationModel;

namespace Sandbox.Sidecar.Components;

/// <summary>Small helpers over YamlDotNet's node model that keep line numbers for error messages.</summary>
internal static class YamlNodes
{
    public static SourceLocation At(this YamlNode node, string file) => new(file, (int)node.Start.Line);

    public static YamlNode? Child(this YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(this YamlNode? node, string key) => (node.Child(key) as YamlScalarNode)?.Value;

    public static string RequiredText(this YamlNode node, string key, string file, string what) =>
        node.Text(key) is { Length: > 0 } value
            ? value
            : throw new ResourceException(node.At(file), $"{what} needs '{key}'");

    public static IEnumerable<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode seq ? seq.Children : [];

    public static IEnumerable<(string Key, YamlNode Value)> Pairs(this YamlNode? node) =>
        node is YamlMappingNode map
            ? map.Children.Select(pair => (((YamlScalarNode)pair.Key).Value ?? "", pair.Value))
            : [];

    public static IReadOnlyList<string> Strings(this YamlNode? node) =>
        node.Items().OfType<YamlScalarNode>().Select(item => item.Value ?? "").ToList();

    public static IReadOnlyDictionary<string, string> StringMap(this YamlNode? node) =>
        node.Pairs().ToDictionary(pair => pair.Key, pair => (pair.Value as YamlScalarNode)?.Value ?? "");
}

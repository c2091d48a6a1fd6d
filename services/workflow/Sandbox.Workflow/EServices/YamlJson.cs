using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sandbox.Workflow.EServices;

/// <summary>
/// Reads one YAML document as JSON: plain scalars that look like numbers, booleans or null become those,
/// quoted scalars stay text. Aliases are expanded, so the node count is capped against alias bombs.
/// </summary>
public static class YamlJson
{
    private const int MaxNodes = 20_000;

    /// <summary>The document as JSON; <see cref="PackageFormatException"/> with the line of a syntax error.</summary>
    public static JsonNode? Parse(string file, string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new PackageFormatException(file, $"Line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count != 1) throw new PackageFormatException(file, "The file must hold exactly one YAML document");
        var count = 0;
        return Convert(file, stream.Documents[0].RootNode, ref count);
    }

    private static JsonNode? Convert(string file, YamlNode node, ref int count)
    {
        if (++count > MaxNodes) throw new PackageFormatException(file, $"The file has more than {MaxNodes} values");
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name }) throw new PackageFormatException(file, $"Line {key.Start.Line}: keys must be text");
                    if (obj.ContainsKey(name)) throw new PackageFormatException(file, $"Line {key.Start.Line}: the key '{name}' occurs twice");
                    obj[name] = Convert(file, value, ref count);
                }
                return obj;
            case YamlSequenceNode list:
                var array = new JsonArray();
                foreach (var item in list.Children) array.Add(Convert(file, item, ref count));
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new PackageFormatException(file, $"Line {node.Start.Line}: unsupported YAML node");
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain) return JsonValue.Create(text);
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return JsonValue.Create(true);
            case "false" or "False" or "FALSE": return JsonValue.Create(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return JsonValue.Create(integer);
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(text);
    }
}

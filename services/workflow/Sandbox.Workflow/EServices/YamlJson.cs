using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlScalar = YamlDotNet.Core.Events.Scalar;

namespace Sandbox.Workflow.EServices;

/// <summary>
/// Reads one YAML document as JSON: plain scalars that look like numbers, booleans or null become those,
/// quoted scalars stay text. Built from the parser's events without recursion, with caps on nesting and on the
/// number of values (aliases are expanded, so an alias bomb hits the cap instead of the memory).
/// </summary>
public static class YamlJson
{
    private const int MaxNodes = 20_000;
    private const int MaxDepth = 64;

    private sealed class Frame(JsonNode container, string? anchor)
    {
        public JsonNode Container { get; } = container;
        public string? Anchor { get; } = anchor;
        public string? Key { get; set; }
    }

    /// <summary>The document as JSON; <see cref="PackageFormatException"/> with the line of what is wrong.</summary>
    public static JsonNode? Parse(string file, string yaml)
    {
        var reader = new Reader(file);
        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext()) reader.Read(parser.Current!);
        }
        catch (YamlException e)
        {
            throw new PackageFormatException(file, $"Line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
        return reader.Root;
    }

    private sealed class Reader(string file)
    {
        private readonly Stack<Frame> open = new();
        private readonly Dictionary<string, JsonNode?> anchors = new(StringComparer.Ordinal);
        private int nodes;
        private int documents;

        public JsonNode? Root { get; private set; }

        public void Read(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart when ++documents > 1:
                    throw Problem(e, "the file must hold exactly one YAML document");
                case MappingStart m:
                    Open(e, new JsonObject(), m.Anchor);
                    break;
                case SequenceStart s:
                    Open(e, new JsonArray(), s.Anchor);
                    break;
                case MappingEnd or SequenceEnd:
                    var frame = open.Pop();
                    if (frame.Anchor is not null) anchors[frame.Anchor] = frame.Container;
                    break;
                case YamlScalar scalar when open.TryPeek(out var top) && top.Container is JsonObject obj && top.Key is null:
                    var key = scalar.Value;
                    if (obj.ContainsKey(key)) throw Problem(e, $"the key '{key}' occurs twice");
                    top.Key = key;
                    break;
                case YamlScalar scalar:
                    var value = Value(scalar);
                    Count(e, 1);
                    Add(e, value);
                    if (!scalar.Anchor.IsEmpty) anchors[scalar.Anchor.Value] = value;
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target)) throw Problem(e, $"unknown alias '{alias.Value}'");
                    var copy = target?.DeepClone();
                    Count(e, Size(copy));
                    Add(e, copy);
                    break;
            }
        }

        private void Open(ParsingEvent e, JsonNode container, AnchorName anchor)
        {
            if (open.Count >= MaxDepth) throw Problem(e, $"values are nested deeper than {MaxDepth}");
            Count(e, 1);
            Add(e, container);
            open.Push(new Frame(container, anchor.IsEmpty ? null : anchor.Value));
        }

        private void Add(ParsingEvent e, JsonNode? value)
        {
            if (!open.TryPeek(out var top))
            {
                Root = value;
                return;
            }
            if (top.Container is JsonArray array)
            {
                array.Add(value);
                return;
            }
            if (top.Key is null) throw Problem(e, "keys must be text");
            top.Container.AsObject()[top.Key] = value;
            top.Key = null;
        }

        private void Count(ParsingEvent e, int added)
        {
            nodes += added;
            if (nodes > MaxNodes) throw Problem(e, $"the file has more than {MaxNodes} values");
        }

        private PackageFormatException Problem(ParsingEvent e, string message) => new(file, $"Line {e.Start.Line}: {message}");
    }

    private static int Size(JsonNode? node) => node switch
    {
        JsonObject o => 1 + o.Sum(p => Size(p.Value)),
        JsonArray a => 1 + a.Sum(Size),
        _ => 1,
    };

    private static JsonNode? Value(YamlScalar scalar)
    {
        var text = scalar.Value;
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

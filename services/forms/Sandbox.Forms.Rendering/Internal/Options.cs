using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sandbox.Forms.Rendering.Internal;

/// <summary>One choice of a select, radio, checklist or taglist.</summary>
internal sealed record Option(string Label, JsonNode? Value)
{
    /// <summary>The value as an HTML form value: strings as they are, other JSON as its text.</summary>
    public string Posted => Options.Posted(Value);
}

internal static class Options
{
    /// <summary>The choices: static <c>values</c>, the data list named by <c>valuesKey</c>, or <c>valuesExpression</c>.</summary>
    public static IReadOnlyList<Option> Of(Node node, Scope scope, Expressions expressions)
    {
        JsonNode? list = node.Json["values"];
        if (list is not JsonArray && node.Text("valuesKey") is { Length: > 0 } key)
            list = DataPath.Get(expressions.Root, key);
        if (list is not JsonArray && node.Text("valuesExpression") is { Length: > 0 } expression)
            list = expressions.Evaluate(expression, scope);
        if (list is not JsonArray array) return [];
        var result = new List<Option>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonObject o) result.Add(new Option(Label(o["label"]) ?? Posted(o["value"]), o["value"]?.DeepClone()));
            else if (item is JsonValue v) result.Add(new Option(Posted(v), v.DeepClone()));
        }
        return result;
    }

    public static string Posted(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    /// <summary>The option whose value equals <paramref name="value"/>.</summary>
    public static Option? Find(IReadOnlyList<Option> options, JsonNode? value) =>
        options.FirstOrDefault(o => JsonNode.DeepEquals(o.Value, value));

    /// <summary>The option a posted string stands for.</summary>
    public static Option? FindPosted(IReadOnlyList<Option> options, string posted) =>
        options.FirstOrDefault(o => o.Posted == posted);

    private static string? Label(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : node?.ToJsonString();
}

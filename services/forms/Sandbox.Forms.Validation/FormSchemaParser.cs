using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sandbox.Feel;

namespace Sandbox.Forms.Validation;

internal sealed class FormSchemaParser(FeelEngine engine)
{
    private const int MaxComponents = 2_000;
    private int _count;

    public IReadOnlyList<FormComponent> ParseComponents(JsonNode? node, string owner)
    {
        if (node is null) return [];
        if (node is not JsonArray array) throw new FormSchemaException($"The components of {owner} must be a list.");
        var result = new List<FormComponent>(array.Count);
        foreach (var item in array)
        {
            if (++_count > MaxComponents) throw new FormSchemaException($"A form may have at most {MaxComponents} components.");
            result.Add(ParseComponent(item as JsonObject ?? throw new FormSchemaException($"A component of {owner} is not an object.")));
        }
        return result;
    }

    private FormComponent ParseComponent(JsonObject json)
    {
        var type = JsonValues.AsString(json["type"]) ?? throw new FormSchemaException($"Component '{Name(json)}' has no type.");
        var name = $"Component '{Name(json)}' ({type})";
        if (!ComponentTypes.IsKnown(type)) throw new FormSchemaException($"{name} has an unknown type.");
        string Describe(string property, string problem) => $"{name}: {property} {problem}";

        var key = Text(json, "key");
        if (ComponentTypes.Inputs.Contains(type) && string.IsNullOrWhiteSpace(key))
            throw new FormSchemaException($"{name} has no key.");
        var path = Text(json, "path");
        if (type == ComponentTypes.DynamicList && string.IsNullOrWhiteSpace(path))
            throw new FormSchemaException($"{name} has no path.");

        return new FormComponent
        {
            Type = type,
            Id = Text(json, "id"),
            Key = ComponentTypes.Inputs.Contains(type) ? key : null,
            Path = string.IsNullOrWhiteSpace(path) ? null : path,
            Label = Text(json, "label"),
            Hide = Hide(json, p => Describe("conditional.hide", p)),
            Rules = Rules(json["validate"], Describe),
            Values = json["values"] is JsonArray values ? values.Select(v => v?["value"]?.DeepClone()).ToList() : null,
            DefaultValue = json["defaultValue"]?.DeepClone(),
            Readonly = json["readonly"] is { } ro ? PropertyValue.From(ro, engine, p => Describe("readonly", p)) : null,
            Disabled = json["disabled"] is JsonValue d && d.TryGetValue(out bool disabled) && disabled,
            DecimalDigits = JsonValues.AsNumber(json["decimalDigits"]) is { } digits ? (int)digits : null,
            Increment = JsonValues.AsNumber(json["increment"]) ?? (decimal.TryParse(Text(json, "increment"), out var inc) ? inc : null),
            SerializeToString = json["serializeToString"] is JsonValue s && s.TryGetValue(out bool str) && str,
            Subtype = Text(json, "subtype"),
            Accept = Text(json, "accept") is { } accept && !FeelEngine.IsExpression(accept) ? accept : null,
            Components = ParseComponents(json["components"], name),
        };
    }

    private FeelExpression? Hide(JsonObject json, Func<string, string> describe)
    {
        var text = JsonValues.AsString(json["conditional"]?["hide"]);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return engine.Compile(text); }
        catch (FeelException e) { throw new FormSchemaException(describe($"is not a valid FEEL expression: {e.Message}"), e); }
    }

    private FieldRules Rules(JsonNode? node, Func<string, string, string> describe)
    {
        if (node is not JsonObject v) return FieldRules.None;
        PropertyValue? Get(string name) =>
            v.ContainsKey(name) && !JsonValues.IsNull(v[name]) ? PropertyValue.From(v[name], engine, p => describe($"validate.{name}", p)) : null;
        var pattern = JsonValues.AsString(v["pattern"]);
        if (!string.IsNullOrEmpty(pattern)) CheckPattern(pattern, describe);
        return new FieldRules
        {
            Required = Get("required"),
            Pattern = string.IsNullOrEmpty(pattern) ? null : pattern,
            Min = Get("min"),
            Max = Get("max"),
            MinLength = Get("minLength"),
            MaxLength = Get("maxLength"),
            ValidationType = JsonValues.AsString(v["validationType"]),
        };
    }

    private static void CheckPattern(string pattern, Func<string, string, string> describe)
    {
        try { _ = Patterns.Create(pattern); }
        catch (ArgumentException e) { throw new FormSchemaException(describe("validate.pattern", $"is not a valid regular expression: {e.Message}"), e); }
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string Name(JsonObject json) =>
        Text(json, "id") ?? Text(json, "key") ?? Text(json, "label") ?? "(unnamed)";
}

internal static class Patterns
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    // A JavaScript RegExp without flags; ECMAScript mode where .NET accepts the pattern so that \d and \w
    // stay ASCII as in the browser.
    public static Regex Create(string pattern)
    {
        try { return new Regex(pattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, Timeout); }
        catch (ArgumentException) { return new Regex(pattern, RegexOptions.CultureInvariant, Timeout); }
    }
}

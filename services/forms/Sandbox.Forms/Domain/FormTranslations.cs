using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sandbox.Forms.Domain;

/// <summary>
/// Translation maps of a form, one per language: <c>{ "&lt;key-or-id&gt;.&lt;property&gt;": "text" }</c> with property
/// <c>label</c>, <c>description</c>, <c>text</c>, <c>placeholder</c>, <c>content</c> or <c>values.&lt;value&gt;</c>, and
/// <c>$title</c> for the form's own title.
/// </summary>
public static class FormTranslations
{
    /// <summary>The languages a form may be translated to.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["sv", "nb", "fi", "en"];

    /// <summary>The key of the form's title.</summary>
    public const string Title = "$title";

    private static readonly string[] Properties = ["label", "description", "text", "placeholder", "content"];

    /// <summary>Reads the <c>translations</c> object of a publish envelope; errors name the language and key.</summary>
    public static (Dictionary<string, Dictionary<string, string>> Maps, Dictionary<string, string[]> Errors) Parse(JsonNode? node, JsonObject schema)
    {
        var maps = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (node is null) return (maps, errors);
        if (node is not JsonObject languages) { errors["translations"] = ["Translations must be an object of languages."]; return (maps, errors); }
        var references = References(schema);
        foreach (var (language, texts) in languages)
        {
            var field = $"translations.{language}";
            if (!Languages.Contains(language)) { errors[field] = [$"'{language}' is not one of {string.Join(", ", Languages)}."]; continue; }
            if (texts is not JsonObject entries) { errors[field] = ["A translation must be an object of texts."]; continue; }
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            var problems = new List<string>();
            foreach (var (key, text) in entries)
            {
                if (text is not JsonValue v || v.GetValueKind() != JsonValueKind.String) problems.Add($"'{key}' must be text.");
                else if (key != Title && !IsKnown(key, references)) problems.Add($"'{key}' names no component and property of the form.");
                else map[key] = v.GetValue<string>();
            }
            if (problems.Count > 0) errors[field] = [.. problems];
            else maps[language] = map;
        }
        return (maps, errors);
    }

    /// <summary>A copy of <paramref name="schema"/> with the texts of <paramref name="texts"/>; others keep the schema's own.</summary>
    public static JsonObject Apply(JsonObject schema, IReadOnlyDictionary<string, string> texts)
    {
        var copy = (JsonObject)schema.DeepClone();
        if (texts.TryGetValue(Title, out var title)) copy["title"] = title;
        if (copy["components"] is JsonArray components) ApplyTo(components, texts);
        return copy;
    }

    private static void ApplyTo(JsonArray components, IReadOnlyDictionary<string, string> texts)
    {
        foreach (var component in components.OfType<JsonObject>())
        {
            string?[] names = [Text(component, "key"), Text(component, "id")];
            string? Find(string property) =>
                names.Where(n => n is not null).Select(n => texts.GetValueOrDefault($"{n}.{property}")).FirstOrDefault(t => t is not null);
            foreach (var property in Properties)
            {
                if (Find(property) is { } text) component[property] = text;
            }
            if (component["values"] is JsonArray values)
            {
                foreach (var option in values.OfType<JsonObject>())
                {
                    if (OptionKey(option["value"]) is { } value && Find($"values.{value}") is { } label) option["label"] = label;
                }
            }
            if (component["components"] is JsonArray children) ApplyTo(children, texts);
        }
    }

    private static HashSet<string> References(JsonObject schema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? node)
        {
            if (node is not JsonArray components) return;
            foreach (var c in components.OfType<JsonObject>())
            {
                if (Text(c, "key") is { } key) names.Add(key);
                if (Text(c, "id") is { } id) names.Add(id);
                Walk(c["components"]);
            }
        }
        Walk(schema["components"]);
        return names;
    }

    private static bool IsKnown(string key, HashSet<string> references)
    {
        for (var dot = key.IndexOf('.'); dot > 0; dot = key.IndexOf('.', dot + 1))
        {
            if (!references.Contains(key[..dot])) continue;
            var property = key[(dot + 1)..];
            if (Properties.Contains(property) || (property.StartsWith("values.", StringComparison.Ordinal) && property.Length > 7)) return true;
        }
        return false;
    }

    private static string? OptionKey(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}

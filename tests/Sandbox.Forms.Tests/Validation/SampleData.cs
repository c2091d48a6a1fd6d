using System.Text.Json.Nodes;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Tests.Validation;

/// <summary>Builds data that a form should accept, and lists the input fields with their data paths.</summary>
internal static class SampleData
{
    private static readonly Dictionary<string, string> PatternSamples = new() { ["^C-[0-9]+$"] = "C-123" };

    public static JsonObject For(FormSchema schema)
    {
        var data = new JsonObject();
        Fill(schema.Components, data);
        return data;
    }

    /// <summary>Input fields outside dynamic lists, with their dot paths.</summary>
    public static IEnumerable<(FormComponent Field, string Path)> Fields(IReadOnlyList<FormComponent> components, string prefix = "")
    {
        foreach (var c in components)
        {
            if (c.IsInput) yield return (c, Join(prefix, c.Key!));
            else if (c.Type == ComponentTypes.Group)
                foreach (var f in Fields(c.Components, c.Path is null ? prefix : Join(prefix, c.Path))) yield return f;
        }
    }

    private static void Fill(IReadOnlyList<FormComponent> components, JsonObject target)
    {
        foreach (var c in components)
        {
            if (c.IsInput && Value(c) is { } value) Set(target, c.Key!, value);
            else if (c.Type == ComponentTypes.Group)
            {
                var inner = c.Path is null ? target : Set(target, c.Path, new JsonObject());
                Fill(c.Components, (JsonObject)inner);
            }
            else if (c.Type == ComponentTypes.DynamicList)
            {
                var item = new JsonObject();
                Fill(c.Components, item);
                Set(target, c.Path!, new JsonArray(item));
            }
        }
    }

    private static JsonNode? Value(FormComponent c) => c.Type switch
    {
        ComponentTypes.Textfield or ComponentTypes.Textarea => c.Rules.ValidationType switch
        {
            "email" => "anna@example.se",
            "phone" => "+46701234567",
            _ => c.Rules.Pattern is { } p ? PatternSamples[p] : "Anna",
        },
        ComponentTypes.Number => 1,
        ComponentTypes.Checkbox => true,
        ComponentTypes.Select or ComponentTypes.Radio => c.Values?.FirstOrDefault()?.DeepClone(),
        ComponentTypes.Checklist or ComponentTypes.Taglist => c.Values is { Count: > 0 } v ? new JsonArray(v[0]!.DeepClone()) : null,
        ComponentTypes.Datetime => c.Subtype switch { "time" => "12:30", "datetime" => "2026-05-01T12:30:00Z", _ => "2026-05-01" },
        ComponentTypes.Filepicker => "files::attachment-1",
        _ => null,
    };

    public static JsonNode Set(JsonObject target, string path, JsonNode value)
    {
        var segments = path.Split('.');
        foreach (var s in segments[..^1]) target = target[s] as JsonObject ?? (JsonObject)(target[s] = new JsonObject());
        target[segments[^1]] = value;
        return value;
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sandbox.Workflow.EServices;

/// <summary>Reads the forms of a package (form-js JSON and the translation files beside each).</summary>
internal static partial class FormReader
{
    public static FormPart? Read(PackageFiles files, string path, PackageProblems problems)
    {
        if (!path.EndsWith(".form", StringComparison.Ordinal) && !path.EndsWith(".json", StringComparison.Ordinal))
        {
            problems.Add(path, "A form file must end in .form or .json");
            return null;
        }
        if (ParseObject(files, path, problems) is not { } schema) return null;
        var id = schema["id"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        if (string.IsNullOrWhiteSpace(id) || !Id().IsMatch(id))
        {
            problems.Add(path, "The form needs an id (letters, digits, '-', '_', '.'; at most 128)");
            return null;
        }
        if (schema["components"] is not JsonArray)
        {
            problems.Add(path, "The form needs a components list");
            return null;
        }
        var translations = new JsonObject();
        var stem = path[..path.LastIndexOf('.')] + ".";
        foreach (var file in files.Paths.Where(p => p.StartsWith(stem, StringComparison.Ordinal)))
        {
            var match = Translation().Match(file[stem.Length..]);
            if (!match.Success) continue;
            if (ParseObject(files, file, problems) is not { } map) continue;
            var bad = map.Where(p => p.Value is not JsonValue t || !t.TryGetValue(out string? _)).Select(p => p.Key).ToList();
            if (bad.Count > 0) problems.Add(file, $"Translations must be texts: {string.Join(", ", bad)}");
            translations[match.Groups[1].Value] = map;
        }
        return new FormPart(path, id, new JsonObject { ["schema"] = schema, ["translations"] = translations });
    }

    internal static JsonObject? ParseObject(PackageFiles files, string path, PackageProblems problems)
    {
        if (files[path] is not { } text)
        {
            problems.Add(path, "The package has no such file");
            return null;
        }
        try
        {
            if (JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) is JsonObject obj) return obj;
            problems.Add(path, "The file must be a JSON object");
        }
        catch (JsonException e)
        {
            problems.Add(path, $"The file is not valid JSON: {e.Message}");
        }
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex Id();

    [GeneratedRegex("^([a-z]{2,3})\\.json$")]
    private static partial Regex Translation();
}

/// <summary>Reads the notification templates of a package (YAML, see CONTRACTS "Notification template file").</summary>
internal static partial class TemplateReader
{
    private static readonly HashSet<string> Channels = ["email", "sms", "inapp"];
    private static readonly HashSet<string> Keys = ["id", "channel", "description", "variants"];
    private static readonly HashSet<string> VariantKeys = ["subject", "body", "html"];

    public static TemplatePart? Read(PackageFiles files, string path, string eserviceId, PackageProblems problems)
    {
        if (files[path] is not { } text)
        {
            problems.Add(path, "The package has no such file");
            return null;
        }
        JsonNode? node;
        try { node = YamlJson.Parse(path, text); }
        catch (PackageFormatException e)
        {
            problems.Add(path, e.Message);
            return null;
        }
        if (node is not JsonObject root)
        {
            problems.Add(path, "The template must be a YAML mapping");
            return null;
        }
        var before = problems.CountOf(path);
        foreach (var key in root.Select(p => p.Key).Where(k => !Keys.Contains(k))) problems.Add(path, $"Unknown key '{key}'");
        var id = Str(root["id"]);
        if (id is null || !Id().IsMatch(id)) problems.Add(path, "id must be lower-case letters, digits and '-' (at most 128)");
        var channel = Str(root["channel"]);
        if (channel is null || !Channels.Contains(channel)) problems.Add(path, "channel must be email, sms or inapp");
        var variants = Variants(root["variants"], channel, path, problems);
        if (problems.CountOf(path) > before) return null;

        var body = new JsonObject { ["channel"] = channel, ["eservice"] = eserviceId, ["variants"] = variants };
        if (Str(root["description"]) is { } description) body["description"] = description;
        return new TemplatePart(path, id!, body);
    }

    private static JsonObject Variants(JsonNode? node, string? channel, string path, PackageProblems problems)
    {
        if (node is not JsonObject variants || variants.Count == 0)
        {
            problems.Add(path, "variants must map languages to {subject, body}");
            return [];
        }
        foreach (var language in EServiceManifest.RequiredLanguages.Where(l => !variants.ContainsKey(l)))
        {
            problems.Add(path, $"variants needs '{language}'");
        }
        var result = new JsonObject();
        foreach (var (language, value) in variants)
        {
            if (value is not JsonObject variant || Str(variant["body"]) is null)
            {
                problems.Add(path, $"variants.{language} needs a body");
                continue;
            }
            foreach (var key in variant.Select(p => p.Key).Where(k => !VariantKeys.Contains(k))) problems.Add(path, $"variants.{language}: unknown key '{key}'");
            if (channel is "email" && Str(variant["subject"]) is null) problems.Add(path, $"variants.{language} needs a subject (email)");
            var copy = new JsonObject();
            foreach (var key in VariantKeys)
            {
                if (Str(variant[key]) is { } text) copy[key] = text;
            }
            result[language] = copy;
        }
        return result;
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,127}$")]
    private static partial Regex Id();
}

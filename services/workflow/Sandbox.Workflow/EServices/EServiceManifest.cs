using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sandbox.Workflow.EServices;

/// <summary>The contents of <c>eservice.yaml</c>.</summary>
public sealed partial record EServiceManifest
{
    /// <summary>The manifest's file name at the package root.</summary>
    public const string FileName = "eservice.yaml";

    /// <summary>Languages every e-service name must be given in.</summary>
    public static readonly string[] RequiredLanguages = ["sv", "nb", "fi", "en"];

    private static readonly HashSet<string> Keys =
        ["id", "version", "names", "descriptions", "tenant", "process", "startForm", "forms", "templates", "jobs", "variables", "tenantVariables"];

    public required string Id { get; init; }
    public string? Version { get; init; }
    public string? Tenant { get; init; }
    public required string Process { get; init; }
    public required string StartForm { get; init; }
    public required IReadOnlyDictionary<string, string> Names { get; init; }
    public IReadOnlyDictionary<string, string> Descriptions { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Forms { get; init; } = [];
    public IReadOnlyList<string> Templates { get; init; } = [];
    public IReadOnlyDictionary<string, JobRoute> Jobs { get; init; } = new Dictionary<string, JobRoute>();
    public JsonObject Variables { get; init; } = [];
    public JsonObject TenantVariables { get; init; } = [];

    /// <summary>The package variables with those of <paramref name="tenant"/> laid over them.</summary>
    public JsonObject VariablesFor(string tenant)
    {
        var merged = (JsonObject)Variables.DeepClone();
        if (TenantVariables[tenant] is JsonObject own)
        {
            foreach (var (name, value) in own) merged[name] = value?.DeepClone();
        }
        return merged;
    }

    /// <summary>Reads the manifest; every problem is added to <paramref name="errors"/> and null returned.</summary>
    public static EServiceManifest? Read(string yaml, ICollection<string> errors)
    {
        if (YamlJson.Parse(FileName, yaml) is not JsonObject root)
        {
            errors.Add("The file must be a YAML mapping");
            return null;
        }
        foreach (var key in root.Select(p => p.Key).Where(k => !Keys.Contains(k))) errors.Add($"Unknown key '{key}'");
        var id = Text(root, "id", errors, required: true);
        if (id is not null && !Slug().IsMatch(id)) errors.Add("id must be lower-case letters, digits and '-' (at most 64)");
        var tenant = Text(root, "tenant", errors, required: false);
        var names = Texts(root, "names", errors);
        foreach (var language in RequiredLanguages.Where(l => !names.ContainsKey(l))) errors.Add($"names needs a text in '{language}'");
        var manifest = new EServiceManifest
        {
            Id = id ?? "",
            Version = root["version"] is JsonValue v ? v.ToString() : null,
            Tenant = tenant,
            Process = Text(root, "process", errors, required: true) ?? "",
            StartForm = Text(root, "startForm", errors, required: true) ?? "",
            Names = names,
            Descriptions = Texts(root, "descriptions", errors),
            Forms = List(root, "forms", errors),
            Templates = List(root, "templates", errors),
            Jobs = ReadJobs(root, errors),
            Variables = Object(root, "variables", errors),
            TenantVariables = Object(root, "tenantVariables", errors),
        };
        foreach (var (name, value) in manifest.TenantVariables)
        {
            if (value is not JsonObject) errors.Add($"tenantVariables.{name} must be a mapping of variables");
        }
        return errors.Count == 0 ? manifest : null;
    }

    private static string? Text(JsonObject root, string key, ICollection<string> errors, bool required)
    {
        var node = root[key];
        if (node is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text)) return text.Trim();
        if (node is not null || required) errors.Add($"{key} must be a non-empty text");
        return null;
    }

    private static Dictionary<string, string> Texts(JsonObject root, string key, ICollection<string> errors)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root[key] is null) return result;
        if (root[key] is not JsonObject map)
        {
            errors.Add($"{key} must map languages to texts");
            return result;
        }
        foreach (var (language, node) in map)
        {
            if (node is JsonValue v && v.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text)) result[language] = text;
            else errors.Add($"{key}.{language} must be a non-empty text");
        }
        return result;
    }

    private static List<string> List(JsonObject root, string key, ICollection<string> errors)
    {
        if (root[key] is null) return [];
        if (root[key] is JsonArray array && array.All(i => i is JsonValue v && v.TryGetValue(out string? s) && s.Length > 0))
        {
            return array.Select(i => i!.GetValue<string>()).ToList();
        }
        errors.Add($"{key} must be a list of file paths");
        return [];
    }

    private static JsonObject Object(JsonObject root, string key, ICollection<string> errors)
    {
        if (root[key] is null) return [];
        if (root[key] is JsonObject map) return (JsonObject)map.DeepClone();
        errors.Add($"{key} must be a mapping");
        return [];
    }

    private static Dictionary<string, JobRoute> ReadJobs(JsonObject root, ICollection<string> errors)
    {
        var result = new Dictionary<string, JobRoute>(StringComparer.Ordinal);
        if (root["jobs"] is null) return result;
        if (root["jobs"] is not JsonObject jobs)
        {
            errors.Add("jobs must map job types to {app, method}");
            return result;
        }
        foreach (var (type, node) in jobs)
        {
            var app = node?["app"] is JsonValue a && a.TryGetValue(out string? s1) ? s1 : null;
            var method = node?["method"] is JsonValue m && m.TryGetValue(out string? s2) ? s2?.TrimStart('/') : null;
            if (node is not JsonObject || string.IsNullOrWhiteSpace(app) || string.IsNullOrWhiteSpace(method))
            {
                errors.Add($"jobs.{type} needs an app and a method");
                continue;
            }
            if (!AppId().IsMatch(app)) errors.Add($"jobs.{type}.app '{app}' is not a valid Dapr app id");
            result[type] = new JobRoute(app, method);
        }
        return result;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex AppId();
}

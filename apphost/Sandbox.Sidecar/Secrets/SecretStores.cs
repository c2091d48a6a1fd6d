using System.Collections;
using System.Text.Json;
using Sandbox.Sidecar.Components;

namespace Sandbox.Sidecar.Secrets;

/// <summary>A secret store: each secret is a small map (one entry named like the key for single-valued stores).</summary>
public interface ISecretStore
{
    IReadOnlyDictionary<string, string>? Get(string key);

    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GetAll();
}

/// <summary><c>secretstores.local.file</c>: a JSON file, nested objects flattened with <c>nestedSeparator</c>.</summary>
public sealed class LocalFileSecretStore : ISecretStore
{
    private readonly Dictionary<string, string> _secrets = new();

    public LocalFileSecretStore(Component component)
    {
        var file = component.Get("secretsFile") ?? throw new ResourceException(component.Source, $"secret store '{component.Name}' needs 'secretsFile'");
        if (!File.Exists(file)) throw new ResourceException(component.Source, $"secretsFile '{file}' does not exist");
        var separator = component.Get("nestedSeparator") ?? ":";
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            Flatten(document.RootElement, "", separator);
        }
        catch (JsonException error)
        {
            throw new ResourceException(new SourceLocation(file, (int)(error.LineNumber ?? 0) + 1), error.Message);
        }
    }

    public IReadOnlyDictionary<string, string>? Get(string key) =>
        _secrets.TryGetValue(key, out var value) ? new Dictionary<string, string> { [key] = value } : null;

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GetAll() =>
        _secrets.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { [p.Key] = p.Value });

    private void Flatten(JsonElement element, string prefix, string separator)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            _secrets[prefix] = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
            return;
        }
        foreach (var property in element.EnumerateObject())
            Flatten(property.Value, prefix.Length == 0 ? property.Name : prefix + separator + property.Name, separator);
    }
}

/// <summary><c>secretstores.local.env</c>: the sidecar's environment variables, optionally only those with a <c>prefix</c>.</summary>
public sealed class LocalEnvSecretStore(Component component) : ISecretStore
{
    private readonly string _prefix = component.Get("prefix") ?? "";

    public IReadOnlyDictionary<string, string>? Get(string key) =>
        Environment.GetEnvironmentVariable(_prefix + key) is { } value ? new Dictionary<string, string> { [key] = value } : null;

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GetAll() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => (Name: (string)e.Key, Value: (string?)e.Value ?? ""))
            .Where(e => e.Name.StartsWith(_prefix, StringComparison.Ordinal))
            .ToDictionary(e => e.Name[_prefix.Length..], e => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { [e.Name[_prefix.Length..]] = e.Value });
}

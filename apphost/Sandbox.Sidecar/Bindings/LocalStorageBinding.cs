using System.Text.Json;
using Sandbox.Sidecar.Components;

namespace Sandbox.Sidecar.Bindings;

/// <summary>
/// <c>bindings.localstorage</c>: files under <c>rootPath</c>. A file name that resolves outside the root
/// (<c>../</c>, an absolute path) is refused, so an app can never reach the rest of the disk through it.
/// </summary>
public sealed class LocalStorageBinding : IOutputBinding
{
    private readonly string _name;
    private readonly string _root;

    public LocalStorageBinding(Component component)
    {
        _name = component.Name;
        var root = component.Get("rootPath") ?? throw new ResourceException(component.Source, $"binding '{_name}' needs 'rootPath'");
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(_root);
    }

    public IReadOnlyList<string> Operations { get; } = ["create", "get", "list", "delete"];

    public async Task<BindingResult> InvokeAsync(string operation, byte[] data, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellation)
    {
        switch (operation)
        {
            case "create":
                var name = metadata.GetValueOrDefault("fileName") ?? Guid.NewGuid().ToString();
                var target = Resolve(name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllBytesAsync(target, data, cancellation);
                return BindingResult.Empty(new Dictionary<string, string> { ["fileName"] = name });
            case "get":
                var file = Resolve(FileName(metadata));
                if (!File.Exists(file)) throw DaprErrors.Binding(_name, $"file not found: {FileName(metadata)}");
                return new BindingResult(await File.ReadAllBytesAsync(file, cancellation), new Dictionary<string, string>());
            case "list":
                var folder = metadata.TryGetValue("fileName", out var sub) ? Resolve(sub) : _root;
                var names = Directory.Exists(folder)
                    ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_root, f)).Order().ToList()
                    : [];
                return new BindingResult(JsonSerializer.SerializeToUtf8Bytes(names), new Dictionary<string, string>());
            case "delete":
                var doomed = Resolve(FileName(metadata));
                if (!File.Exists(doomed)) throw DaprErrors.Binding(_name, $"file not found: {FileName(metadata)}");
                File.Delete(doomed);
                return BindingResult.Empty();
            default:
                throw DaprErrors.Binding(_name, $"binding {_name} does not support operation {operation}; it supports {string.Join(", ", Operations)}");
        }
    }

    private string FileName(IReadOnlyDictionary<string, string> metadata) =>
        metadata.GetValueOrDefault("fileName") is { Length: > 0 } name ? name : throw DaprErrors.Binding(_name, "required metadata 'fileName' missing");

    private string Resolve(string fileName)
    {
        var full = Path.GetFullPath(Path.Combine(_root, fileName));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
            throw DaprErrors.Binding(_name, $"fileName '{fileName}' is outside rootPath; path traversal is refused");
        return full;
    }
}

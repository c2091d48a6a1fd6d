using System.Diagnostics;
using System.Text.Json;
using Sandbox.Sidecar.Hosting;

namespace Sandbox.Sidecar.Invocation;

/// <summary>
/// A small file in the data folder where every Sandbox.Sidecar process sharing it lists its apps and Dapr HTTP ports,
/// so an app can invoke an app of another sidecar process (through that process, as with two daprd sidecars).
/// </summary>
public sealed class SidecarRegistry(SidecarOptions options)
{
    private sealed record Entry(int HttpPort, int Pid);

    private readonly string _file = Path.Combine(options.DataPath, "sidecars.json");
    private readonly string _lock = Path.Combine(options.DataPath, "sidecars.lock");

    public void Register() => Update(entries =>
    {
        foreach (var app in options.Apps) entries[app.Id] = new Entry(app.HttpPort, Environment.ProcessId);
    });

    public void Unregister() => Update(entries =>
    {
        foreach (var app in options.Apps.Where(a => entries.TryGetValue(a.Id, out var e) && e.Pid == Environment.ProcessId))
            entries.Remove(app.Id);
    });

    private (DateTime Written, Dictionary<string, Entry> Entries) _cache = (DateTime.MinValue, []);

    /// <summary>The Dapr HTTP port of the live sidecar process that serves <paramref name="appId"/>, if any.</summary>
    public int? HttpPortOf(string appId)
    {
        // Read the file again only when it changed: this runs on every call to another process's app.
        var written = File.Exists(_file) ? File.GetLastWriteTimeUtc(_file) : DateTime.MinValue;
        var cache = _cache;
        if (cache.Written != written)
        {
            cache = (written, Read().Where(e => e.Value.Pid != Environment.ProcessId && IsAlive(e.Value.Pid)).ToDictionary());
            _cache = cache;
        }
        return cache.Entries.TryGetValue(appId, out var entry) ? entry.HttpPort : null;
    }

    private Dictionary<string, Entry> Read()
    {
        try
        {
            return File.Exists(_file) ? JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllBytes(_file)) ?? [] : [];
        }
        catch (Exception error) when (error is JsonException or IOException)
        {
            return [];
        }
    }

    private void Update(Action<Dictionary<string, Entry>> change)
    {
        using var held = Lock();
        var entries = Read();
        foreach (var stale in entries.Where(e => !IsAlive(e.Value.Pid)).Select(e => e.Key).ToList()) entries.Remove(stale);
        change(entries);
        var temporary = _file + "." + Environment.ProcessId;
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(entries));
        File.Move(temporary, _file, overwrite: true);
    }

    private FileStream Lock()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(_lock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 100)
            {
                Thread.Sleep(20);
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

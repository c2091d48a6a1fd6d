using System.Diagnostics;

namespace Sandbox.Load;

/// <summary>A process started for a measurement; disposing it stops it and everything it started.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    /// <summary>Runs a built .NET app from its output folder, so it finds its appsettings.json.</summary>
    public static ChildProcess StartApp(string dll, IDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var name = Path.GetFileNameWithoutExtension(dll);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {name}");
        // Drain output so the child never blocks on a full pipe.
        process.OutputDataReceived += (_, e) => { if (Environment.GetEnvironmentVariable("SANDBOX_LOAD_VERBOSE") == "1" && e.Data is not null) Console.WriteLine($"  [{name}] {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  [{name}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM lets an app host stop the services it started.
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }
}

internal static class Repository
{
    /// <summary>The folder holding Sandbox.sln, found upwards from the current directory.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sandbox.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run from inside the repository: Sandbox.sln was not found above the current directory.");
    }
}

namespace Sandbox.Sidecar.Tests.Infrastructure;

/// <summary>A fresh folder for one test's resources or data, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sandbox-sidecar-tests", Guid.NewGuid().ToString("N"));

    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed sidecar may still hold a file for a moment; the OS temp folder is cleaned anyway.
        }
    }
}

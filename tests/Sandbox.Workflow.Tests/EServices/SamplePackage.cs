using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using Sandbox.Security;
using Sandbox.Workflow.EServices;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.EServices;

/// <summary>The sample package in deploy/eservices/school-transport, as files, a files map or a zip.</summary>
public static class SamplePackage
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "deploy", "eservices", "school-transport");

    /// <summary>Every file of the package by relative path, with optional changes (a null text removes the file).</summary>
    public static Dictionary<string, string> Map(Action<Dictionary<string, string>>? change = null)
    {
        var files = Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'), File.ReadAllText);
        change?.Invoke(files);
        return files;
    }

    public static PackageFiles Files(Action<Dictionary<string, string>>? change = null) => PackageFiles.FromMap(Map(change), new PackageLimits());

    public static JsonContent Json(Action<Dictionary<string, string>>? change = null) => JsonContent.Create(new { files = Map(change) });

    /// <summary>A zip of the given entries (path → text), as a designer's tool would make it.</summary>
    public static byte[] Zip(IEnumerable<KeyValuePair<string, string>> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in entries)
            {
                using var stream = zip.CreateEntry(path).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }

    public static ByteArrayContent ZipContent(byte[] zip)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new("application/zip");
        return content;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sandbox.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Sandbox.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Clients of one fresh tenant of a test.</summary>
public sealed class Tenant(WorkflowApp app, string? id = null)
{
    public string Id { get; } = id ?? "t-" + Guid.NewGuid().ToString("n")[..10];

    public HttpClient Designer() => app.Client(Tokens.Create("designer-" + Id, Id, [Roles.Designer]));

    public HttpClient Caseworker() => app.Client(Tokens.Create("caseworker-" + Id, Id, [Roles.Caseworker]));

    /// <summary>A team lead: a caseworker who is also the tenant's administrator.</summary>
    public HttpClient TeamLead() => app.Client(Tokens.Create("lead-" + Id, Id, [Roles.Caseworker, Roles.TenantAdmin]));

    public HttpClient Worker() => app.Client(Tokens.Create("client-" + Id, Id, [Roles.Service]));

    public HttpClient Anonymous() => app.Client();
}

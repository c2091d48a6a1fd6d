using System.Diagnostics;

namespace Sandbox.Testing;

/// <summary>
/// A throw-away PostgreSQL server from Debian's binaries (<c>/usr/lib/postgresql/N/bin</c>):
/// <c>initdb</c> into a temporary folder, started on a free loopback port with trust
/// authentication, stopped and deleted on dispose. As root it runs as the <c>postgres</c> user
/// through <c>setpriv</c>, because PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string bin;
    private readonly string folder;
    private readonly bool asPostgresUser;

    private PostgresServer(string bin, string folder, int port, bool asPostgresUser)
    {
        this.bin = bin;
        this.folder = folder;
        this.asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(folder, "data");

    /// <summary>The folder with initdb and pg_ctl (highest version), or null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("SANDBOX_PG_BIN") is { Length: > 0 } configured)
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    /// <summary>Why no server can start here, or null when one can.</summary>
    public static string? MissingReason() => FindBinaries() is null
        ? "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or in SANDBOX_PG_BIN; apt-get install postgresql)."
        : null;

    /// <summary>
    /// Starts a throw-away server. Tests run it without flushing to disk; benchmarks that should pay for durable
    /// commits set <c>SANDBOX_PG_DURABLE=1</c> (PostgreSQL's defaults: fsync on, synchronous commit).
    /// </summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var durability = Environment.GetEnvironmentVariable("SANDBOX_PG_DURABLE") == "1" ? "" : "-c fsync=off -c synchronous_commit=off ";
        var bin = FindBinaries() ?? throw new InvalidOperationException(MissingReason());
        var folder = Path.Combine(Path.GetTempPath(), "sandbox-pg-" + Guid.NewGuid().ToString("n")[..10]);
        Directory.CreateDirectory(folder);
        var asPostgres = Environment.UserName == "root";
        if (asPostgres) await RunAsync("chown", ["postgres:postgres", folder], runAsPostgres: false);

        var server = new PostgresServer(bin, folder, Ports.Free(), asPostgres);
        try
        {
            await server.ToolAsync("initdb", ["-D", server.DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
            await server.ToolAsync("pg_ctl", ["-D", server.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                "-o", $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 {durability}-c max_connections=200", "start"]);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>A connection string for a database of this server (EF Core's EnsureCreated creates it).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Directory.Exists(Path.Combine(DataFolder, "global")))
                await ToolAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task ToolAsync(string tool, string[] args) => RunAsync(Path.Combine(bin, tool), args, asPostgresUser);

    private static async Task RunAsync(string file, string[] args, bool runAsPostgres)
    {
        var start = new ProcessStartInfo(runAsPostgres ? "setpriv" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAsPostgres)
        {
            foreach (var a in new[] { "--reuid=postgres", "--regid=postgres", "--init-groups", file }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {await stderr}{await stdout}");
    }
}

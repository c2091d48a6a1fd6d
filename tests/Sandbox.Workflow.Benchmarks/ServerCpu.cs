namespace Sandbox.Workflow.Benchmarks;

/// <summary>
/// The CPU time the PostgreSQL server on a port has used: its postmaster and the backends it forked, read from
/// <c>/proc</c> (Linux). Empty when there is no server.
/// </summary>
internal sealed class ServerCpu(IReadOnlyList<int> postmasters)
{
    public static ServerCpu Find(int? port)
    {
        if (port is null || !Directory.Exists("/proc")) return new([]);
        var postmasters = Processes()
            .Where(pid => Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ').Contains($"-p {port} ", StringComparison.Ordinal) == true)
            .ToList();
        return new(postmasters);
    }

    /// <summary>User and system time of the server's processes alive now.</summary>
    public TimeSpan Total()
    {
        var ticks = 0L;
        foreach (var pid in Processes())
        {
            if (Read($"/proc/{pid}/stat") is not { } stat) continue;
            // Fields after the command name (which is in parentheses): state ppid … utime(14) stime(15).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (!postmasters.Contains(pid) && !postmasters.Contains(int.Parse(fields[1]))) continue;
            ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static IEnumerable<int> Processes() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Select(n => int.Parse(n!));

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

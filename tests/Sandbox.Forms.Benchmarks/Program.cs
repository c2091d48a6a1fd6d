using BenchmarkDotNet.Running;
using Sandbox.Testing;

namespace Sandbox.Forms.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Sandbox.Forms.Benchmarks -- validation</c> (BenchmarkDotNet, validations per second);
/// <c>... -- validation-cpu [--count 50000]</c> (one thread, per wall-clock and per CPU second);
/// <c>... -- submissions [--count 2000] [--workers 16] [--only sqlite|postgres]</c> (end to end on SQLite, then on a
/// throw-away PostgreSQL server when its binaries are installed).
/// </summary>
public static class Bench
{
    public static async Task Main(string[] args)
    {
        if (args.FirstOrDefault() == "validation-cpu")
        {
            CpuTime.Run(Option(args, "--count", 50_000));
            return;
        }
        if (args.FirstOrDefault() != "submissions")
        {
            BenchmarkSwitcher.FromAssembly(typeof(ValidationBenchmarks).Assembly).Run(args.FirstOrDefault() == "validation" ? ["--filter", "*"] : args);
            return;
        }
        var count = Option(args, "--count", 2000);
        var workers = Option(args, "--workers", 16);
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        if (only is null or "sqlite") await SubmissionLoad.RunAsync("sqlite", null, count, workers);
        if (only is "sqlite") return;
        if (PostgresServer.MissingReason() is { } missing)
        {
            Console.WriteLine($"postgres   not run: {missing}");
            return;
        }
        await using var server = await PostgresServer.StartAsync();
        await SubmissionLoad.RunAsync("postgres", server.ConnectionString("forms_bench"), count, workers);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}

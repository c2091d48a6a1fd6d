using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Sandbox.Feel.Benchmarks;

/// <summary>Runs <see cref="FeelBenchmarks"/> and the same cases in feelin (Node), and prints both with the ratio.</summary>
internal static class FeelinComparison
{
    public static int Run(string[] benchmarkArgs)
    {
        var scriptFolder = FindFeelinFolder();
        if (scriptFolder is null)
        {
            Console.Error.WriteLine("feelin/bench.mjs not found above " + AppContext.BaseDirectory);
            return 1;
        }
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default);
        var summary = BenchmarkRunner.Run<FeelBenchmarks>(config, benchmarkArgs);
        var feelin = RunFeelin(scriptFolder);
        if (feelin is null) return 1;
        Print(summary, feelin);
        return 0;
    }

    private static void Print(Summary summary, JsonObject feelin)
    {
        var reports = summary.Reports.ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name);
        Console.WriteLine();
        Console.WriteLine("| case | Sandbox.Feel evaluate (compiled) | Sandbox.Feel parse+evaluate | allocated (compiled) | feelin evaluate (parse+evaluate) | feelin / compiled | feelin / parse+evaluate |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, node) in feelin)
        {
            var feelinNs = (double)node!["nsPerCall"]!;
            var compiled = reports[$"Evaluate_{name}"];
            var full = reports[$"ParseAndEvaluate_{name}"];
            var compiledNs = compiled.ResultStatistics!.Mean;
            var fullNs = full.ResultStatistics!.Mean;
            var bytes = compiled.GcStats.GetBytesAllocatedPerOperation(compiled.BenchmarkCase) ?? 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {compiledNs:N1} ns | {fullNs:N1} ns | {bytes} B | {feelinNs:N0} ns | {feelinNs / compiledNs:N0}x | {feelinNs / fullNs:N0}x |"));
        }
    }

    private static JsonObject? RunFeelin(string folder)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(folder, "bench.mjs"), BenchmarkCase.FilePath])
        {
            RedirectStandardOutput = true,
            WorkingDirectory = folder,
        };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        if (node.ExitCode != 0)
        {
            Console.Error.WriteLine("feelin benchmark failed; run 'npm install' in " + folder);
            return null;
        }
        return JsonNode.Parse(output)!.AsObject();
    }

    private static string? FindFeelinFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "feelin");
            if (File.Exists(Path.Combine(candidate, "bench.mjs"))) return candidate;
        }
        return null;
    }
}

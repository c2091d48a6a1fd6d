using System.Diagnostics;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Benchmarks;

/// <summary>
/// Validations per second of one thread by wall clock and by the CPU time the process used: on a shared machine the
/// second says what a core that is not shared would do.
/// </summary>
public static class CpuTime
{
    public static void Run(int count)
    {
        var schema = FormSchema.Parse(BenchForm.Schema("bench"));
        var data = BenchForm.ValidData();
        for (var i = 0; i < 2_000; i++) FormValidator.Validate(schema, data, "sv"); // warm-up
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) FormValidator.Validate(schema, data, "sv");
        wall.Stop();
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;
        Console.WriteLine($"{count} validations of the 40-field form (10 hide rules), one thread: " +
            $"{count / wall.Elapsed.TotalSeconds:F0}/s by wall clock, {count / used.TotalSeconds:F0}/s per CPU second");
    }
}

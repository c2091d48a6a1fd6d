using Sandbox.Load;

// Load and start-up measurements of the running sandbox (BenchmarkDotNet covers in-process code).
// Run with: dotnet run -c Release --project tests/Sandbox.Load -- <command>
var commands = new Dictionary<string, Func<string[], Task<int>>>
{
    ["gateway"] = GatewayBenchmark.RunAsync,
};

if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine($"usage: Sandbox.Load <{string.Join('|', commands.Keys)}> [options]");
    return 2;
}
return await command(args[1..]);

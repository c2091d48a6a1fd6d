using BenchmarkDotNet.Running;
using Sandbox.Feel.Benchmarks;

// "compare" runs the FEEL benchmarks (short job) and feelin under Node, then prints the ratio;
// any other arguments go to BenchmarkDotNet as usual.
if (args.Length > 0 && args[0] == "compare")
{
    return FeelinComparison.Run(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

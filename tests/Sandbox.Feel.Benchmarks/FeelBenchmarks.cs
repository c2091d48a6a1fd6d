using BenchmarkDotNet.Attributes;

namespace Sandbox.Feel.Benchmarks;

/// <summary>
/// Parse and evaluate the three typical expressions: a gateway condition, a form-js hide rule and a list filter.
/// "Parse" compiles without the cache; "Evaluate" runs an already compiled expression (the normal case in
/// services); "ParseAndEvaluate" does both, which is what feelin does on every call.
/// </summary>
[MemoryDiagnoser]
public class FeelBenchmarks
{
    private readonly FeelEngine _engine = new();
    private BenchmarkCase _gatewayCase = null!;
    private BenchmarkCase _hideRuleCase = null!;
    private BenchmarkCase _listFilterCase = null!;
    private FeelExpression _gateway = null!;
    private FeelExpression _hideRule = null!;
    private FeelExpression _listFilter = null!;

    [GlobalSetup]
    public void Setup()
    {
        var cases = BenchmarkCase.Load();
        _gatewayCase = cases["GatewayCondition"];
        _hideRuleCase = cases["HideRule"];
        _listFilterCase = cases["ListFilter"];
        _gateway = _engine.Compile(_gatewayCase.Expression);
        _hideRule = _engine.Compile(_hideRuleCase.Expression);
        _listFilter = _engine.Compile(_listFilterCase.Expression);
        // JSON objects build their lookup dictionary on first read; do that here, not inside the measured calls.
        foreach (var c in cases.Values) _engine.Compile(c.Expression).Evaluate(c.Variables);
    }

    [Benchmark]
    public FeelExpression Parse_GatewayCondition() => _engine.CompileWithoutCache(_gatewayCase.Expression);

    [Benchmark]
    public FeelExpression Parse_HideRule() => _engine.CompileWithoutCache(_hideRuleCase.Expression);

    [Benchmark]
    public FeelExpression Parse_ListFilter() => _engine.CompileWithoutCache(_listFilterCase.Expression);

    [Benchmark]
    public bool Evaluate_GatewayCondition() => _gateway.IsTrue(_gatewayCase.Variables);

    [Benchmark]
    public bool Evaluate_HideRule() => _hideRule.IsTrue(_hideRuleCase.Variables);

    [Benchmark]
    public FeelValue Evaluate_ListFilter() => _listFilter.Evaluate(_listFilterCase.Variables);

    [Benchmark]
    public bool ParseAndEvaluate_GatewayCondition() => ParseAndEvaluate(_gatewayCase).IsTrue;

    [Benchmark]
    public bool ParseAndEvaluate_HideRule() => ParseAndEvaluate(_hideRuleCase).IsTrue;

    [Benchmark]
    public FeelValue ParseAndEvaluate_ListFilter() => ParseAndEvaluate(_listFilterCase);

    private FeelValue ParseAndEvaluate(BenchmarkCase c) => _engine.CompileWithoutCache(c.Expression).Evaluate(c.Variables);
}

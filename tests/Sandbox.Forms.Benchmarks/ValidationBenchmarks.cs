using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Sandbox.Forms.Validation;

namespace Sandbox.Forms.Benchmarks;

/// <summary>One validation of valid data, and of data with three errors, against the 40-field form.</summary>
[MemoryDiagnoser]
[InProcess]
public class ValidationBenchmarks
{
    private FormSchema _schema = null!;
    private JsonObject _valid = null!;
    private JsonObject _invalid = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schema = FormSchema.Parse(BenchForm.Schema("bench"));
        _valid = BenchForm.ValidData();
        _invalid = BenchForm.ValidData();
        _invalid["text0"] = "";
        _invalid["email3"] = "not-an-email";
        _invalid["number6"] = 5000;
        if (!FormValidator.Validate(_schema, _valid).IsValid) throw new InvalidOperationException("The valid data is not valid.");
    }

    [Benchmark(Baseline = true)]
    public bool ValidData() => FormValidator.Validate(_schema, _valid, "sv").IsValid;

    [Benchmark]
    public int InvalidData() => FormValidator.Validate(_schema, _invalid, "sv").Failures.Count;
}

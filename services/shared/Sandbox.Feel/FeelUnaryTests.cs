using System.Text;
using System.Text.Json.Nodes;
using Sandbox.Feel.Evaluation;
using Sandbox.Feel.Nodes;

namespace Sandbox.Feel;

/// <summary>
/// Compiled unary tests (a decision-table cell, a form validation): <c>&lt; 10</c>, <c>[1..5]</c>,
/// <c>"a", "b"</c>, <c>not(...)</c>, <c>-</c>, or an expression using <c>?</c> for the input. Thread-safe.
/// </summary>
public sealed class FeelUnaryTests
{
    private readonly UnaryTest[] _tests;
    private readonly FeelEngineOptions _options;

    internal FeelUnaryTests(string text, UnaryTest[] tests, FeelEngineOptions options)
    {
        Text = text;
        _tests = tests;
        _options = options;
    }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>True if any test holds, false if none does, null if a test could not be decided (type mismatch).</summary>
    public bool? Test(FeelValue input, JsonObject? variables = null)
    {
        var st = new EvalState(_options, Text) { RootJson = variables, Input = input };
        try
        {
            return UnaryTest.Any(_tests, input, ref st);
        }
        catch (InsufficientExecutionStackException)
        {
            throw st.Limit("Values are nested too deeply");
        }
    }

    /// <summary>True only when the tests hold for the input.</summary>
    public bool Matches(FeelValue input, JsonObject? variables = null) => Test(input, variables) == true;

    /// <summary>True only when the tests hold for the JSON input.</summary>
    public bool Matches(JsonNode? input, JsonObject? variables = null) => Matches(FeelValue.FromJson(input), variables);

    /// <summary>The tests as the compiler understood them.</summary>
    public string ToCanonicalString()
    {
        var sb = new StringBuilder();
        UnaryTest.PrintAll(sb, _tests);
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}

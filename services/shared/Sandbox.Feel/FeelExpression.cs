using System.Text.Json.Nodes;
using Sandbox.Feel.Evaluation;
using Sandbox.Feel.Nodes;

namespace Sandbox.Feel;

/// <summary>
/// A compiled FEEL expression. Immutable and thread-safe: evaluate it as often as needed, from any thread.
/// Type mismatches give FEEL <c>null</c>; only exceeding a limit throws (<see cref="FeelLimitException"/>).
/// </summary>
public sealed class FeelExpression
{
    private readonly Node _root;
    private readonly FeelEngineOptions _options;

    internal FeelExpression(string text, Node root, FeelEngineOptions options)
    {
        Text = text;
        _root = root;
        _options = options;
    }

    /// <summary>The source text as given to <see cref="FeelEngine.Compile"/>.</summary>
    public string Text { get; }

    /// <summary>Evaluates over JSON variables (form data, process variables); a missing variable is null.</summary>
    public FeelValue Evaluate(JsonObject? variables = null)
    {
        var st = new EvalState(_options, Text) { RootJson = variables };
        return Run(ref st);
    }

    /// <summary>Evaluates over CLR variables (see <see cref="FeelValue.FromClr"/> for the conversions).</summary>
    public FeelValue Evaluate(IReadOnlyDictionary<string, object?> variables) =>
        Evaluate(FeelContext.FromDictionary(variables));

    /// <summary>Evaluates over a context.</summary>
    public FeelValue Evaluate(FeelContext variables)
    {
        var st = new EvalState(_options, Text) { RootContext = variables };
        return Run(ref st);
    }

    // Values nested deeper than the stack allows (built by recursion, or handed in) end as a limit error.
    private FeelValue Run(ref EvalState st)
    {
        try
        {
            return _root.Eval(ref st);
        }
        catch (InsufficientExecutionStackException)
        {
            throw st.Limit("Values are nested too deeply");
        }
    }

    /// <summary>
    /// Evaluates a condition (gateway condition, hide rule): true only when the result is boolean <c>true</c>;
    /// false for <c>false</c>, null or any other value.
    /// </summary>
    public bool IsTrue(JsonObject? variables = null) => Evaluate(variables).IsTrue;

    /// <summary>Evaluates and converts the result to JSON (see <see cref="FeelValue.ToJsonNode"/>).</summary>
    public JsonNode? EvaluateToJson(JsonObject? variables = null) => Evaluate(variables).ToJsonNode();

    /// <summary>The expression as the compiler understood it, fully parenthesised.</summary>
    public string ToCanonicalString() => _root.ToString();

    /// <inheritdoc />
    public override string ToString() => Text;
}

using System.Text.Json.Nodes;
using Sandbox.Feel;

namespace Sandbox.Forms.Validation;

/// <summary>A form-js property that is either a literal or a FEEL expression (<c>"=min"</c>).</summary>
public sealed class PropertyValue
{
    private readonly JsonNode? _literal;
    private readonly FeelExpression? _expression;

    private PropertyValue(JsonNode? literal, FeelExpression? expression)
    {
        _literal = literal;
        _expression = expression;
    }

    /// <summary>True when the value is computed from the form data.</summary>
    public bool IsExpression => _expression is not null;

    internal static PropertyValue From(JsonNode? node, FeelEngine engine, Func<string, string> describe)
    {
        if (node is JsonValue v && v.TryGetValue(out string? text) && FeelEngine.IsExpression(text))
        {
            try { return new PropertyValue(null, engine.Compile(text)); }
            catch (FeelException e) { throw new FormSchemaException(describe($"is not a valid FEEL expression: {e.Message}"), e); }
        }
        return new PropertyValue(node?.DeepClone(), null);
    }

    /// <summary>The literal, or the expression's result over <paramref name="variables"/> (null on failure).</summary>
    public JsonNode? Resolve(JsonObject variables)
    {
        if (_expression is null) return _literal?.DeepClone();
        try { return _expression.EvaluateToJson(variables); }
        catch (FeelException) { return null; } // a limit hit at run time counts as no value, as in the viewer
    }

    /// <summary>The value as a number, when it is one.</summary>
    public decimal? ResolveNumber(JsonObject variables) => Resolve(variables) is JsonValue v ? JsonValues.AsNumber(v) : null;

    /// <summary>True when the value is JSON <c>true</c>.</summary>
    public bool ResolveTrue(JsonObject variables) =>
        Resolve(variables) is JsonValue v && v.TryGetValue(out bool b) && b;
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sandbox.Feel;

namespace Sandbox.Forms.Rendering.Internal;

/// <summary>
/// The templating of form-js text and html components: <c>{{ expression }}</c> inserts a FEEL result and
/// <c>{{#if condition}}…{{/if}}</c> keeps its content only when the condition holds. Loops are not supported.
/// </summary>
internal static partial class Templates
{
    public static string Apply(string template, JsonObject variables, Func<string, string> encode)
    {
        if (!template.Contains("{{", StringComparison.Ordinal)) return template;
        var text = template;
        // Innermost blocks first, so that nested ifs resolve from the inside out.
        for (var guard = 0; guard < 100 && IfBlock().IsMatch(text); guard++)
            text = IfBlock().Replace(text, m => IsTruthy(Evaluate(m.Groups[1].Value, variables)) ? m.Groups[2].Value : "");
        return Expression().Replace(text, m => m.Groups[1].Value.StartsWith('#') || m.Groups[1].Value.StartsWith('/')
            ? m.Value
            : encode(Show(Evaluate(m.Groups[1].Value, variables))));
    }

    private static JsonNode? Evaluate(string expression, JsonObject variables)
    {
        try { return FeelEngine.Default.Compile(expression.Trim()).EvaluateToJson(variables); }
        catch (FeelException) { return null; }
    }

    private static string Show(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static bool IsTruthy(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null or JsonValueKind.False => false,
        JsonValueKind.String => node.GetValue<string>().Length > 0,
        JsonValueKind.Array => node.AsArray().Count > 0,
        _ => true,
    };

    [GeneratedRegex(@"\{\{#if\s+((?:(?!\}\}).)+)\}\}((?:(?!\{\{#if\s).)*?)\{\{/if\}\}", RegexOptions.Singleline, 1000)]
    private static partial Regex IfBlock();

    [GeneratedRegex(@"\{\{\s*((?:(?!\}\}).)+?)\s*\}\}", RegexOptions.Singleline, 1000)]
    private static partial Regex Expression();
}

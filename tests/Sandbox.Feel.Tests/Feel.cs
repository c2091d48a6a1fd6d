using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sandbox.Feel.Tests;

/// <summary>Short helpers so that tests read as expression → expected value.</summary>
internal static class Feel
{
    public static FeelValue Eval(string expression, string? variablesJson = null) =>
        FeelEngine.Default.Compile(expression).Evaluate(variablesJson is null ? null : JsonNode.Parse(variablesJson)!.AsObject());

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The result as compact JSON text, e.g. <c>[1,2]</c> or <c>"2024-01-31"</c>.</summary>
    public static string Json(string expression, string? variablesJson = null) =>
        Eval(expression, variablesJson).ToJsonNode()?.ToJsonString(Readable) ?? "null";
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sandbox.Feel.Tests.Conformance;

/// <summary>
/// Compares an expected JSON value with a result. Numbers agree within a relative 1e-13: the case file prints
/// decimals to 15 significant digits, and the TCK's loan payment value differs from the exact result in the 14th.
/// </summary>
public static class JsonComparer
{
    public static bool AreEquivalent(JsonNode? expected, JsonNode? actual)
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        switch (expected)
        {
            case JsonArray e when actual is JsonArray a:
                return e.Count == a.Count && e.Zip(a).All(p => AreEquivalent(p.First, p.Second));
            case JsonObject e when actual is JsonObject a:
                return e.Count == a.Count && e.All(p => a.TryGetPropertyValue(p.Key, out var v) && AreEquivalent(p.Value, v));
            case JsonValue e when actual is JsonValue a:
                return ValuesEqual(e, a);
            default:
                return false;
        }
    }

    private static bool ValuesEqual(JsonValue expected, JsonValue actual)
    {
        var kind = expected.GetValueKind();
        if (kind != actual.GetValueKind()) return false;
        if (kind != JsonValueKind.Number) return JsonNode.DeepEquals(expected, actual);
        var e = expected.GetValue<decimal>();
        var a = actual.GetValue<decimal>();
        return e == a || Math.Abs(e - a) <= Math.Abs(e) * 1e-13m;
    }
}

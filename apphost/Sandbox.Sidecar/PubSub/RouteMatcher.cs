using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sandbox.Sidecar.Components;

namespace Sandbox.Sidecar.PubSub;

/// <summary>
/// Picks the path for an event from a subscription's routing rules. Supports the common CEL form
/// <c>event.field == "value"</c> (and <c>!=</c>), joined with <c>&amp;&amp;</c>; any other expression never matches.
/// </summary>
public static partial class RouteMatcher
{
    [GeneratedRegex("""^\s*event\.([A-Za-z0-9_]+)\s*(==|!=)\s*(?:"([^"]*)"|'([^']*)')\s*$""")]
    private static partial Regex Comparison();

    public static bool IsSupported(string match) => match.Split("&&").All(part => Comparison().IsMatch(part));

    /// <summary>The path to deliver to, or null when no rule matches and there is no default route.</summary>
    public static string? PathFor(Subscription subscription, JsonObject envelope)
    {
        foreach (var rule in subscription.Rules)
        {
            if (Matches(rule.Match, envelope)) return rule.Path;
        }
        return subscription.DefaultPath.Length > 0 ? subscription.DefaultPath : null;
    }

    private static bool Matches(string match, JsonObject envelope) => match.Split("&&").All(part =>
    {
        var comparison = Comparison().Match(part);
        if (!comparison.Success) return false;
        var actual = envelope[comparison.Groups[1].Value]?.ToString();
        var expected = comparison.Groups[3].Success ? comparison.Groups[3].Value : comparison.Groups[4].Value;
        return comparison.Groups[2].Value == "==" ? actual == expected : actual != expected;
    });
}

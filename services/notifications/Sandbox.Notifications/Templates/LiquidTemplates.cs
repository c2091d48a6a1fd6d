using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid;

namespace Sandbox.Notifications.Templates;

/// <summary>
/// Parses, checks and renders Liquid (Fluid). Parsed templates are cached by their text. A variable printed with
/// <c>{{ }}</c> must be in the data unless it has a <c>default</c> filter or stands inside a condition (<c>if</c>,
/// <c>unless</c>, <c>case</c>): conditions are how a template handles optional data.
/// </summary>
public sealed class LiquidTemplates
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithMaxSteps(100_000)
        .WithMaxOutputSize(1_000_000)
        .WithModelNamesComparer(StringComparer.OrdinalIgnoreCase)
        .Build();

    private readonly ConcurrentDictionary<string, Parsed> _cache = new();

    private sealed record Parsed(IFluidTemplate Template, IReadOnlyList<string> Variables);

    /// <summary>Null when the text parses, else the parser's message.</summary>
    public static string? ParseError(string source) => Parser.TryParse(source, out _, out var error) ? null : error;

    /// <summary>The variable paths (<c>child.name</c>) the text prints that are not in <paramref name="data"/>.</summary>
    public IEnumerable<string> Missing(string source, JsonObject data) =>
        Get(source).Variables.Where(path => !Has(data, path));

    /// <summary>Renders the text; values from <paramref name="data"/> pass through <paramref name="encoder"/>.</summary>
    public string Render(string source, JsonObject data, TextEncoder encoder)
    {
        var context = new TemplateContext(Options, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in data)
            if (ToModel(value) is { } model) context.SetValue(key, model);
        return Get(source).Template.Render(context, encoder);
    }

    private Parsed Get(string source) => _cache.GetOrAdd(source, static text =>
    {
        if (!Parser.TryParse(text, out var template, out var error)) throw new TemplateSyntaxException(error);
        var visitor = new PrintedVariables();
        visitor.VisitTemplate(template);
        return new Parsed(template, visitor.Paths.Distinct().ToList());
    });

    private static bool Has(JsonObject data, string path)
    {
        JsonNode? node = data;
        foreach (var part in path.Split('.'))
        {
            if (node is JsonArray) return true; // indexes and sizes of lists are not checked
            if (node is not JsonObject obj) return false;
            var match = obj.FirstOrDefault(p => string.Equals(p.Key, part, StringComparison.OrdinalIgnoreCase));
            if (match.Key is null || match.Value is null) return false;
            node = match.Value;
        }
        return true;
    }

    private static object? ToModel(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToModel(p.Value), StringComparer.OrdinalIgnoreCase),
        JsonArray array => array.Select(ToModel).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.TryGetValue<decimal>(out var d) ? d : value.ToJsonString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };
}

/// <summary>A template text that is not valid Liquid.</summary>
public sealed class TemplateSyntaxException(string message) : Exception(message);

using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Primitives;

namespace Sandbox.Forms.Rendering.Tests;

/// <summary>Parses rendered fragments and submits them as a browser would.</summary>
internal static class Dom
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string fragment) => Parser.ParseDocument($"<!doctype html><html><body><form>{fragment}</form></body></html>");

    public static IDocument Render(string components, string data = "{}", Func<RenderRequest, RenderRequest>? change = null)
    {
        var request = new RenderRequest(Schema(components), "en") { Data = Json(data) };
        return Parse(FormRenderer.Render(change?.Invoke(request) ?? request));
    }

    public static JsonObject Schema(string components) =>
        (JsonObject)JsonNode.Parse($$"""{ "id": "test", "type": "default", "components": {{components}} }""")!;

    public static JsonObject Json(string json) => (JsonObject)JsonNode.Parse(json)!;

    /// <summary>The element a label's <c>for</c> points at.</summary>
    public static IElement? Target(this IDocument doc, IElement label) => doc.GetElementById(label.GetAttribute("for") ?? "");

    /// <summary>The text of the label bound to an input by <c>for</c>.</summary>
    public static string? LabelOf(this IDocument doc, IElement input) =>
        doc.QuerySelectorAll("label").FirstOrDefault(l => l.GetAttribute("for") == input.Id)?.TextContent.Trim();

    /// <summary>The form controls a citizen fills in (not buttons, not hidden inputs).</summary>
    public static IEnumerable<IElement> Controls(this IDocument doc) =>
        doc.QuerySelectorAll("input, select, textarea").Where(e => e.GetAttribute("type") is not ("submit" or "hidden" or "button"));

    /// <summary>The name/value pairs a browser posts for the form: successful controls only, no files, no buttons.</summary>
    public static List<KeyValuePair<string, StringValues>> Submit(this IDocument doc)
    {
        var pairs = new List<(string Name, string Value)>();
        foreach (var e in doc.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            if (e.HasAttribute("disabled")) continue;
            var name = e.GetAttribute("name")!;
            switch (e)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) pairs.Add((name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "file" or "submit" or "button":
                    break;
                case IHtmlInputElement input:
                    pairs.Add((name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.Where(o => o.IsSelected).ToList();
                    if (chosen.Count == 0 && select.Options.Length > 0) chosen.Add(select.Options[0]!);
                    pairs.AddRange(chosen.Select(o => (name, o.Value)));
                    break;
                case IHtmlTextAreaElement area:
                    pairs.Add((name, area.Value));
                    break;
            }
        }
        return [.. pairs.GroupBy(p => p.Name).Select(g => new KeyValuePair<string, StringValues>(g.Key, new StringValues([.. g.Select(p => p.Value)])))];
    }

    public static List<KeyValuePair<string, StringValues>> Post(params (string Name, string Value)[] fields) =>
        [.. fields.GroupBy(f => f.Name).Select(g => new KeyValuePair<string, StringValues>(g.Key, new StringValues([.. g.Select(f => f.Value)])))];
}

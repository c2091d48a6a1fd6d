using System.Text.Json;
using Microsoft.Playwright;

namespace Sandbox.EndToEnd.Tests.Browser.Stories;

/// <summary>
/// Fills a server-rendered form the way a careful person does, field by field, without knowing the
/// form in advance: choices that match a wish (such as a medical reason) are taken, empty fields get a
/// plausible answer for their name and type, and a file field gets the given document. Fields that
/// appear only after an answer (conditions evaluated on the server) are filled on the next round.
/// A text field named in <paramref name="answers"/> (by its key, without the prefix) gets that answer.
/// </summary>
public sealed class FormFiller(IReadOnlyList<string> wishes, FilePayload? document, IReadOnlyDictionary<string, string>? answers = null)
{
    /// <summary>A small valid PDF, standing in for a doctor's statement.</summary>
    public static FilePayload DoctorsStatement { get; } = new()
    {
        Name = "legeerklaering.pdf",
        MimeType = "application/pdf",
        Buffer = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray(),
    };

    private sealed record Field(string Name, string Tag, string Type, string Id, string Value, bool Checked, string[] Options, bool Invalid);

    /// <summary>Fills every field of <paramref name="form"/> whose name starts with <paramref name="prefix"/>.</summary>
    public async Task FillAsync(IPage page, ILocator form, string prefix)
    {
        var fields = await ReadAsync(form, prefix);
        foreach (var group in fields.GroupBy(f => f.Name))
        {
            var first = group.First();
            var input = first.Id.Length > 0 ? page.Locator($"[id='{first.Id}']") : form.Locator($"[name='{first.Name}']").First;
            switch (first.Type)
            {
                case "radio":
                    var radio = Preferred(group.Select(f => f.Value)) ?? (group.Any(f => f.Checked) ? null : first.Value);
                    if (radio is not null) await form.Locator($"input[name='{first.Name}'][value='{radio}']").CheckAsync();
                    break;
                case "checkbox":
                    var box = Preferred(group.Select(f => f.Value)) ?? first.Value;
                    if (!group.Any(f => f.Checked)) await form.Locator($"input[name='{first.Name}'][value='{box}']").CheckAsync();
                    break;
                case "file":
                    if (document is not null && !await page.GetByText(document.Name).First.IsVisibleAsync()) await input.SetInputFilesAsync(document);
                    break;
                case "hidden" or "submit" or "button":
                    break;
                default:
                    if (first.Tag == "select")
                    {
                        var option = Preferred(first.Options) ?? (first.Value.Length > 0 ? null : first.Options.FirstOrDefault(o => o.Length > 0));
                        if (option is not null) await input.SelectOptionAsync(option);
                    }
                    else if (answers is not null && answers.TryGetValue(first.Name[prefix.Length..], out var answer))
                    {
                        if (first.Value != answer) await input.FillAsync(answer);
                    }
                    else if (first.Value.Length == 0 || first.Invalid)
                    {
                        await input.FillAsync(Answer(first));
                    }
                    break;
            }
        }
    }

    private string? Preferred(IEnumerable<string> values) =>
        values.FirstOrDefault(v => wishes.Any(w => v.Contains(w, StringComparison.OrdinalIgnoreCase)));

    private static async Task<List<Field>> ReadAsync(ILocator form, string prefix)
    {
        var json = await form.EvaluateAsync<JsonElement>("""
            (form, prefix) => [...form.elements].filter(e => e.name && e.name.startsWith(prefix) && !e.disabled).map(e => ({
              name: e.name, tag: e.tagName.toLowerCase(), type: (e.type || '').toLowerCase(), id: e.id || '', value: e.value || '',
              checked: !!e.checked, options: e.tagName === 'SELECT' ? [...e.options].map(o => o.value) : [],
              invalid: e.getAttribute('aria-invalid') === 'true' }))
            """, prefix);
        return json.EnumerateArray().Select(e => new Field(
            e.GetProperty("name").GetString()!, e.GetProperty("tag").GetString()!, e.GetProperty("type").GetString()!,
            e.GetProperty("id").GetString()!, e.GetProperty("value").GetString()!, e.GetProperty("checked").GetBoolean(),
            [.. e.GetProperty("options").EnumerateArray().Select(o => o.GetString()!)], e.GetProperty("invalid").GetBoolean())).ToList();
    }

    /// <summary>A plausible answer from the field's type and name.</summary>
    private static string Answer(Field field)
    {
        var name = field.Name.ToLowerInvariant();
        return field.Type switch
        {
            "email" => "guardian@example.org",
            "tel" => "+4755555555",
            "number" => name.Contains("distance") ? "1" : name.Contains("grade") || name.Contains("class") ? "5" : "1",
            "date" => DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"),
            _ when name.Contains("email") => "guardian@example.org",
            _ when name.Contains("phone") || name.Contains("tel") => "+4755555555",
            _ when name.Contains("postal") || name.Contains("zip") => "5003",
            _ when name.Contains("city") || name.Contains("town") => "Bergen",
            _ when name.Contains("street") || name.Contains("address") => "Kaigaten 1",
            _ when name.Contains("school") => "Bergen katedralskole",
            _ when name.Contains("date") => DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"),
            _ => "Barnet har en medisinsk tilstand og kan ikke gå til skolen alene.",
        };
    }
}

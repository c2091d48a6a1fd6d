using System.Text;

namespace Sandbox.Identity.Personas;

/// <summary>
/// Reads a persona CSV (RFC 4180: commas, double-quoted fields). The header names the columns:
/// nationalId, givenName, familyName (required), country, street, postalCode, city, protectedIdentity,
/// email, phone, preferredLanguage, children (national ids or persona ids separated by <c>;</c> or spaces).
/// </summary>
public static class PersonaCsv
{
    public static IEnumerable<(int Line, PersonaInput? Input, string? Error)> Read(string text)
    {
        var rows = Parse(text).ToList();
        if (rows.Count == 0) yield break;
        var header = rows[0].Fields.Select(h => h.Trim()).ToList();
        int Col(string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            string? Get(string name) => Col(name) is var i and >= 0 && i < fields.Count ? fields[i] : null;
            if (fields.Count != header.Count)
            {
                yield return (line, null, $"Expected {header.Count} fields, found {fields.Count}.");
                continue;
            }
            yield return (line, new PersonaInput(Get("nationalId") ?? "", Get("givenName") ?? "", Get("familyName") ?? "",
                Get("country") is { Length: > 0 } c ? c : null, Get("street"), Get("postalCode"), Get("city"),
                Get("protectedIdentity")?.Trim().ToLowerInvariant() is "true" or "1" or "yes",
                Get("email"), Get("phone"), Get("preferredLanguage"),
                Get("children")?.Split([';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), null);
        }
    }

    private static IEnumerable<(int Line, List<string> Fields)> Parse(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString()); field.Clear();
                yield return (start, fields);
                fields = [];
                start = ++line;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}

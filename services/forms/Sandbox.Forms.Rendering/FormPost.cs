using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Sandbox.Forms.Rendering.Internal;

namespace Sandbox.Forms.Rendering;

/// <summary>Turns a posted HTML form (as <see cref="FormRenderer.Render"/> wrote it) back into form-js data.</summary>
public static class FormPost
{
    /// <summary>
    /// Name (after the field prefix) of the "add another" submit button of a dynamic list; its value is the
    /// list's data path. The portal saves the bound data and shows the same page again, which then has an empty row.
    /// </summary>
    public const string AddAnother = FormWriter.AddField;

    /// <summary>Name (after the field prefix) of the checkboxes that remove a dynamic list's row; the value is the row's path.</summary>
    public const string RemoveRow = FormWriter.RemoveField;

    /// <summary>
    /// Converts the posted fields of one page (or of every page when <paramref name="page"/> is null) to typed
    /// JSON and merges them into a copy of <paramref name="existing"/>: numbers as numbers (text that is not a
    /// number stays text so that validation reports it), checkboxes as booleans (not posted = false), checklists
    /// and taglists as lists, selects and radios as the option's value with its JSON type, dates as ISO text.
    /// Readonly, disabled and file fields keep their values; unknown names are ignored; rows of dynamic lists
    /// ticked for removal are removed and an empty new row is left out.
    /// </summary>
    /// <exception cref="Sandbox.Forms.Validation.FormSchemaException">The schema cannot be used.</exception>
    public static JsonObject Bind(JsonObject schema, IEnumerable<KeyValuePair<string, StringValues>> form, JsonObject existing, int? page, string fieldPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(existing);
        var nodes = FormTree.Build(schema).Page(page).Nodes;
        var posted = Posted(form, fieldPrefix ?? "");
        var result = (JsonObject)existing.DeepClone();

        var binder = new Binder(posted, new Expressions(existing));
        binder.Bind(nodes, Scope.Root(result));
        binder.Unticked(nodes, Scope.Root(result), new Expressions(result));
        if (posted.TryGetValue(RemoveRow, out var rows)) RemoveRows(result, rows);
        return result;
    }

    /// <summary>The dynamic list path whose "add another" button was pressed, or null.</summary>
    public static string? AddAnotherPath(IEnumerable<KeyValuePair<string, StringValues>> form, string fieldPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Where(f => f.Key == (fieldPrefix ?? "") + AddAnother).Select(f => f.Value.FirstOrDefault()).FirstOrDefault();
    }

    private static Dictionary<string, StringValues> Posted(IEnumerable<KeyValuePair<string, StringValues>> form, string prefix)
    {
        var posted = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var key = name[prefix.Length..];
            posted[key] = posted.TryGetValue(key, out var before) ? StringValues.Concat(before, values) : values;
        }
        return posted;
    }

    // Deeper rows first and higher indexes first, so that one removal does not move another's target.
    private static void RemoveRows(JsonObject data, StringValues rows)
    {
        foreach (var row in rows.OfType<string>().Distinct().OrderByDescending(r => r.Length).ThenByDescending(r => r, StringComparer.Ordinal))
        {
            if (DataPath.TryFindRow(data, row, out var list, out var index)) list.RemoveAt(index);
        }
    }
}

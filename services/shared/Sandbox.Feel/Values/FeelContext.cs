using System.Text.Json.Nodes;

namespace Sandbox.Feel;

/// <summary>A FEEL context: entries of name and value, in order.</summary>
public abstract class FeelContext
{
    /// <summary>Looks up an entry by name.</summary>
    public abstract bool TryGetValue(string name, out FeelValue value);

    /// <summary>The entries in order.</summary>
    public abstract IEnumerable<KeyValuePair<string, FeelValue>> Entries { get; }

    /// <summary>The number of entries.</summary>
    public abstract int Count { get; }

    /// <summary>The entry names in order, without converting their values.</summary>
    public virtual IEnumerable<string> Keys => Entries.Select(e => e.Key);

    /// <summary>A context over a JSON object; values are converted when read.</summary>
    public static FeelContext FromJson(JsonObject json) => new JsonObjectContext(json);

    /// <summary>A context over CLR values; values are converted when read.</summary>
    public static FeelContext FromDictionary(IReadOnlyDictionary<string, object?> values) => new DictionaryContext(values);
}

/// <summary>A context built by the engine (literals, results of functions).</summary>
internal sealed class MapContext : FeelContext
{
    private readonly List<KeyValuePair<string, FeelValue>> _entries;

    private MapContext(List<KeyValuePair<string, FeelValue>> entries) => _entries = entries;

    public static MapContext Empty() => new([]);

    public static MapContext From(IEnumerable<KeyValuePair<string, FeelValue>> entries)
    {
        var context = Empty();
        foreach (var entry in entries)
        {
            context.Put(entry.Key, entry.Value);
        }
        return context;
    }

    /// <summary>Adds or replaces an entry; only used while the context is being built.</summary>
    public void Put(string name, FeelValue value)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            _entries[index] = new(name, value);
        }
        else
        {
            _entries.Add(new(name, value));
            if (_index is not null) _index[name] = _entries.Count - 1;
            else if (_entries.Count > IndexThreshold) BuildIndex();
        }
    }

    // Small contexts (the usual case) are searched in order; large ones get a dictionary so building them stays linear.
    private const int IndexThreshold = 16;
    private Dictionary<string, int>? _index;

    private void BuildIndex()
    {
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _entries.Count; i++) _index[_entries[i].Key] = i;
    }

    public override bool TryGetValue(string name, out FeelValue value)
    {
        var index = IndexOf(name);
        value = index >= 0 ? _entries[index].Value : FeelValue.Null;
        return index >= 0;
    }

    public override IEnumerable<KeyValuePair<string, FeelValue>> Entries => _entries;

    public override int Count => _entries.Count;

    private int IndexOf(string name)
    {
        if (_index is not null) return _index.TryGetValue(name, out var found) ? found : -1;
        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}

internal sealed class JsonObjectContext(JsonObject json) : FeelContext
{
    public JsonObject Json => json;

    public override bool TryGetValue(string name, out FeelValue value)
    {
        if (json.TryGetPropertyValue(name, out var node))
        {
            value = FeelValue.FromJson(node);
            return true;
        }
        value = FeelValue.Null;
        return false;
    }

    public override IEnumerable<KeyValuePair<string, FeelValue>> Entries =>
        json.Select(p => new KeyValuePair<string, FeelValue>(p.Key, FeelValue.FromJson(p.Value)));

    public override int Count => json.Count;

    public override IEnumerable<string> Keys => json.Select(p => p.Key);
}

internal sealed class DictionaryContext(IReadOnlyDictionary<string, object?> values) : FeelContext
{
    public override bool TryGetValue(string name, out FeelValue value)
    {
        if (values.TryGetValue(name, out var raw))
        {
            value = FeelValue.FromClr(raw);
            return true;
        }
        value = FeelValue.Null;
        return false;
    }

    public override IEnumerable<KeyValuePair<string, FeelValue>> Entries =>
        values.Select(p => new KeyValuePair<string, FeelValue>(p.Key, FeelValue.FromClr(p.Value)));

    public override int Count => values.Count;

    public override IEnumerable<string> Keys => values.Keys;
}

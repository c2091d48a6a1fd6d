namespace Sandbox.Feel.Builtins;

/// <summary>Context functions; contexts are never changed in place, each function returns a new one.</summary>
internal static class ContextFunctions
{
    public static void Register(Registry r)
    {
        r.Add("get value", "m", "key", (m, key) =>
            m.Kind == FeelValueKind.Context && Args.Str(key, out var name) && m.RawContext.TryGetValue(name, out var value)
                ? value
                : FeelValue.Null);
        r.Add("get entries", "m", m => m.Kind == FeelValueKind.Context
            ? FeelValue.ListOf(m.RawContext.Entries.Select(e => Entry(e.Key, e.Value)).ToArray())
            : FeelValue.Null);
        r.Add("context put", "context", "key", "value", Put);
        r.Add("context put", "context", "keys", "value", Put);
        r.Add("context merge", "contexts", contexts =>
        {
            if (Args.List(contexts) is not { } items || items.Any(i => i.Kind != FeelValueKind.Context)) return FeelValue.Null;
            var merged = MapContext.Empty();
            foreach (var item in items)
            {
                foreach (var (key, value) in item.RawContext.Entries) merged.Put(key, value);
            }
            return FeelValue.ContextOf(merged);
        });
        r.Add("context", "entries", entries =>
        {
            if (Args.List(entries) is not { } items) return FeelValue.Null;
            var result = MapContext.Empty();
            foreach (var item in items)
            {
                if (item.Kind != FeelValueKind.Context || !item.RawContext.TryGetValue("key", out var key)
                    || key.Kind != FeelValueKind.String || !item.RawContext.TryGetValue("value", out var value))
                {
                    return FeelValue.Null;
                }
                if (result.TryGetValue(key.RawString, out _)) return FeelValue.Null;
                result.Put(key.RawString, value);
            }
            return FeelValue.ContextOf(result);
        });
        r.Add("get or else", "value", "default", (value, fallback) => value.IsNull ? fallback : value);
    }

    private static FeelValue Put(FeelValue context, FeelValue key, FeelValue value) =>
        key.Kind == FeelValueKind.List ? PutPath(context, key.RawList, value) : PutPath(context, [key], value);

    /// <summary>Puts a value at a path of keys, copying each context on the way; a missing step becomes a new context.</summary>
    private static FeelValue PutPath(FeelValue context, ReadOnlySpan<FeelValue> keys, FeelValue value)
    {
        if (context.Kind != FeelValueKind.Context || keys.Length == 0 || keys[0].Kind != FeelValueKind.String) return FeelValue.Null;
        var name = keys[0].RawString;
        var copy = MapContext.From(context.RawContext.Entries);
        if (keys.Length > 1)
        {
            var inner = copy.TryGetValue(name, out var existing) ? existing : FeelValue.ContextOf(MapContext.Empty());
            value = PutPath(inner, keys[1..], value);
            if (value.IsNull) return FeelValue.Null;
        }
        copy.Put(name, value);
        return FeelValue.ContextOf(copy);
    }

    private static FeelValue Entry(string key, FeelValue value) =>
        FeelValue.ContextOf(MapContext.From([new("key", FeelValue.String(key)), new("value", value)]));
}

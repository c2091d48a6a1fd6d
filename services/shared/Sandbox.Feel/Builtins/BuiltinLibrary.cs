using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Builtins;

internal delegate FeelValue Fn0(ref EvalState st);
internal delegate FeelValue Fn1(FeelValue a);
internal delegate FeelValue Fn2(FeelValue a, FeelValue b);
internal delegate FeelValue Fn3(FeelValue a, FeelValue b, FeelValue c);
internal delegate FeelValue FnList(FeelValue[] items);

/// <summary>All built-in functions by name.</summary>
internal static class BuiltinLibrary
{
    private static readonly Dictionary<string, Builtin> Functions = Build();

    /// <summary>Built-in and type names that contain keywords, longest first, so the parser can recognise them as names.</summary>
    public static readonly (string Name, string[] Words)[] NamesWithKeywords =
        Functions.Keys.Append("days and time duration")
            .Select(name => (name, name.Split(' ')))
            .Where(n => n.Item2.Any(FeelNames.Keywords.Contains))
            .OrderByDescending(n => n.Item2.Length)
            .ToArray();

    public static bool TryGet(string name, out Builtin builtin) => Functions.TryGetValue(name, out builtin!);

    private static Dictionary<string, Builtin> Build()
    {
        var registry = new Registry();
        ConversionFunctions.Register(registry);
        StringFunctions.Register(registry);
        ListFunctions.Register(registry);
        StatisticsFunctions.Register(registry);
        RangeFunctions.Register(registry);
        NumericFunctions.Register(registry);
        ContextFunctions.Register(registry);
        TemporalFunctions.Register(registry);
        return registry.Build();
    }
}

internal sealed class Registry
{
    private readonly Dictionary<string, List<BuiltinOverload>> _overloads = [];

    public void Add(string name, string[] parameters, BuiltinBody body, bool variadic = false)
    {
        if (!_overloads.TryGetValue(name, out var list)) _overloads[name] = list = [];
        list.Add(new BuiltinOverload(parameters, body, variadic));
    }

    public void Add(string name, Fn0 body) =>
        Add(name, [], (ReadOnlySpan<FeelValue> _, ref EvalState st) => body(ref st));

    public void Add(string name, string p1, Fn1 body) =>
        Add(name, [p1], (ReadOnlySpan<FeelValue> a, ref EvalState _) => body(a[0]));

    public void Add(string name, string p1, string p2, Fn2 body) =>
        Add(name, [p1, p2], (ReadOnlySpan<FeelValue> a, ref EvalState _) => body(a[0], a[1]));

    public void Add(string name, string p1, string p2, string p3, Fn3 body) =>
        Add(name, [p1, p2, p3], (ReadOnlySpan<FeelValue> a, ref EvalState _) => body(a[0], a[1], a[2]));

    /// <summary>A function of a list that may also be called with the items as separate arguments.</summary>
    public void AddListOrVarargs(string name, FnList body)
    {
        Add(name, ["list"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Call(body, Args.List(a[0]), ref st));
        Add(name, ["list"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Call(body, Args.ListOrArguments(a), ref st), variadic: true);
    }

    private static FeelValue Call(FnList body, FeelValue[]? items, ref EvalState st)
    {
        if (items is null) return FeelValue.Null;
        st.Charge(items.Length);
        return body(items);
    }

    public Dictionary<string, Builtin> Build() =>
        _overloads.ToDictionary(p => p.Key, p => new Builtin(p.Key, [.. p.Value]));
}

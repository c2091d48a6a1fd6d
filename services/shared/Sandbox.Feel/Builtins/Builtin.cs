using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Builtins;

internal delegate FeelValue BuiltinBody(ReadOnlySpan<FeelValue> args, ref EvalState st);

/// <summary>One signature of a built-in; a variadic one takes any number of positional arguments.</summary>
internal sealed record BuiltinOverload(string[] Parameters, BuiltinBody Body, bool Variadic = false);

/// <summary>A built-in function with its overloads, chosen by argument count or by parameter names.</summary>
internal sealed class Builtin(string name, BuiltinOverload[] overloads)
{
    public string Name => name;

    public (BuiltinOverload? Overload, int[] Positions) Resolve(int count, string[]? names)
    {
        var positions = Enumerable.Range(0, count).ToArray();
        if (names is null)
        {
            var exact = overloads.FirstOrDefault(o => !o.Variadic && o.Parameters.Length == count);
            var variadic = overloads.FirstOrDefault(o => o.Variadic && count >= 1);
            return (exact ?? variadic, positions);
        }
        // An exact match first; otherwise the smallest overload that has all the names, the others being null.
        var candidates = overloads.Where(o => !o.Variadic).OrderBy(o => o.Parameters.Length != count).ThenBy(o => o.Parameters.Length);
        foreach (var overload in candidates)
        {
            var mapped = names.Select(n => Array.IndexOf(overload.Parameters, n)).ToArray();
            if (mapped.All(p => p >= 0) && mapped.Distinct().Count() == count) return (overload, mapped);
        }
        return (null, positions);
    }
}

/// <summary>Reading typed arguments. A list of one item stands for that item, as DMN's singleton conversion says.</summary>
internal static class Args
{
    public static FeelValue Unwrap(FeelValue value) =>
        value.Kind == FeelValueKind.List && value.RawList.Length == 1 ? value.RawList[0] : value;

    public static bool Str(FeelValue value, out string text)
    {
        value = Unwrap(value);
        text = value.Kind == FeelValueKind.String ? value.RawString : "";
        return value.Kind == FeelValueKind.String;
    }

    public static bool Num(FeelValue value, out decimal number)
    {
        value = Unwrap(value);
        number = value.RawNumber;
        return value.Kind == FeelValueKind.Number;
    }

    public static bool Int(FeelValue value, out int number)
    {
        number = 0;
        if (!Num(value, out var d) || d != decimal.Truncate(d) || d is > int.MaxValue or < int.MinValue) return false;
        number = (int)d;
        return true;
    }

    /// <summary>The items of a list argument; a single non-list value counts as a list of one.</summary>
    public static FeelValue[]? List(FeelValue value) => value.Kind switch
    {
        FeelValueKind.List => value.RawList,
        FeelValueKind.Null => null,
        _ => [value],
    };

    /// <summary>For functions such as <c>max(1, 2)</c> and <c>max([1, 2])</c>: one list argument, or the arguments themselves.</summary>
    public static FeelValue[]? ListOrArguments(ReadOnlySpan<FeelValue> args) =>
        args.Length == 1 ? List(args[0]) : args.ToArray();

    public static FeelValue Result(string? text, ref EvalState st)
    {
        if (text is not null) st.CheckStringLength(text.Length);
        return FeelValue.String(text);
    }

    public static FeelValue Result(IReadOnlyCollection<FeelValue> items, ref EvalState st)
    {
        st.CheckCollectionSize(items.Count);
        st.Charge(items.Count);
        return FeelValue.ListOf([.. items]);
    }
}

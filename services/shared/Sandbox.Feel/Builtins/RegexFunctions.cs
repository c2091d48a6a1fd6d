using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Sandbox.Feel.Evaluation;

namespace Sandbox.Feel.Builtins;

/// <summary>
/// <c>matches</c>, <c>replace</c> and <c>split</c>. Every regular expression runs with the engine's timeout;
/// an invalid pattern or flag, or a timeout, gives null.
/// </summary>
internal static class RegexFunctions
{
    public static void Register(Registry r)
    {
        r.Add("matches", ["input", "pattern"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Matches(a[0], a[1], FeelValue.Null, ref st));
        r.Add("matches", ["input", "pattern", "flags"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Matches(a[0], a[1], a[2], ref st));
        r.Add("replace", ["input", "pattern", "replacement"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Replace(a[0], a[1], a[2], FeelValue.Null, ref st));
        r.Add("replace", ["input", "pattern", "replacement", "flags"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Replace(a[0], a[1], a[2], a[3], ref st));
        r.Add("split", ["string", "delimiter"], (ReadOnlySpan<FeelValue> a, ref EvalState st) => Split(a[0], a[1], ref st));
    }

    private static FeelValue Matches(FeelValue input, FeelValue pattern, FeelValue flags, ref EvalState st)
    {
        if (!Args.Str(input, out var text) || Build(pattern, flags, st) is not { } regex) return FeelValue.Null;
        return Run(() => FeelValue.Boolean(regex.IsMatch(text)), ref st);
    }

    private static FeelValue Replace(FeelValue input, FeelValue pattern, FeelValue replacement, FeelValue flags, ref EvalState st)
    {
        if (!Args.Str(input, out var text) || !Args.Str(replacement, out var with) || Build(pattern, flags, st) is not { } regex)
        {
            return FeelValue.Null;
        }
        var result = Run(() => FeelValue.String(regex.Replace(text, with)), ref st);
        if (result.Kind == FeelValueKind.String) st.CheckStringLength(result.RawString.Length);
        return result;
    }

    private static FeelValue Split(FeelValue input, FeelValue delimiter, ref EvalState st)
    {
        if (!Args.Str(input, out var text) || Build(delimiter, FeelValue.Null, st) is not { } regex) return FeelValue.Null;
        // As in XPath's tokenize, a delimiter that matches the empty string is an error.
        if (Run(() => FeelValue.Boolean(regex.IsMatch("")), ref st) is not { IsFalse: true }) return FeelValue.Null;
        var result = Run(() => FeelValue.ListOf(regex.Split(text).Select(FeelValue.String).ToArray()), ref st);
        if (result.Kind == FeelValueKind.List) st.CheckCollectionSize(result.RawList.Length);
        return result;
    }

    private static Regex? Build(FeelValue pattern, FeelValue flags, EvalState st)
    {
        if (!Args.Str(pattern, out var source)) return null;
        var options = RegexOptions.CultureInvariant;
        var literal = false;
        if (!flags.IsNull)
        {
            if (!Args.Str(flags, out var letters)) return null;
            foreach (var flag in letters)
            {
                switch (flag)
                {
                    case 's': options |= RegexOptions.Singleline; break;
                    case 'm': options |= RegexOptions.Multiline; break;
                    case 'i': options |= RegexOptions.IgnoreCase; break;
                    case 'x': options |= RegexOptions.IgnorePatternWhitespace; break;
                    case 'q': literal = true; break;
                    default: return null;
                }
            }
        }
        return Cache.GetOrAdd((source, literal, options, st.Options.RegexTimeout), Compile);
    }

    // Patterns usually come from a handful of expressions, so a small cache saves parsing them on every call.
    private static readonly ConcurrentDictionary<(string, bool, RegexOptions, TimeSpan), Regex?> Cache = new();

    private static Regex? Compile((string Source, bool Literal, RegexOptions Options, TimeSpan Timeout) key)
    {
        if (Cache.Count > 500) Cache.Clear();
        var pattern = key.Literal ? Regex.Escape(key.Source) : RegexTranslator.Translate(key.Source);
        if (pattern is null) return null;
        try
        {
            return new Regex(pattern, key.Options, key.Timeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static FeelValue Run(Func<FeelValue> match, ref EvalState st)
    {
        try
        {
            return match();
        }
        catch (RegexMatchTimeoutException)
        {
            // A timeout gives null, but costs a quarter of the step budget, so that a loop of
            // pathological matches stops after a few timeouts instead of running for minutes.
            st.Charge(st.Options.MaxEvaluationSteps / 4);
            return FeelValue.Null;
        }
    }
}

namespace Sandbox.Feel.Evaluation;

/// <summary>
/// Step costs of work that is proportional to the size of values, so that the step budget also bounds
/// loops over built-ins, comparisons and concatenations of large lists and strings.
/// </summary>
internal static class Costs
{
    /// <summary>Characters that cost one step when a function reads or builds a string.</summary>
    private const int CharactersPerStep = 32;

    /// <summary>A built-in is charged for the items of a list argument and the length of a string argument.</summary>
    public static void ChargeArgument(FeelValue value, ref EvalState st)
    {
        if (value.Kind == FeelValueKind.List) st.Charge(value.RawList.Length);
        else if (value.Kind == FeelValueKind.String) st.Charge(value.RawString.Length / CharactersPerStep);
    }

    /// <summary>Comparing or concatenating lists and strings costs their size.</summary>
    public static void ChargeOperands(FeelValue a, FeelValue b, ref EvalState st)
    {
        if (a.Kind is FeelValueKind.List or FeelValueKind.String) ChargeArgument(a, ref st);
        if (b.Kind is FeelValueKind.List or FeelValueKind.String) ChargeArgument(b, ref st);
    }
}

using System.Runtime.CompilerServices;

namespace Sandbox.Feel;

/// <summary>FEEL's <c>=</c>: true, false, or null when the two values are of types that cannot be compared.</summary>
internal static class FeelEquality
{
    public static bool? AreEqual(FeelValue a, FeelValue b)
    {
        if (a.IsNull || b.IsNull) return a.IsNull && b.IsNull;
        if (a.Kind != b.Kind) return MixedKinds(a, b);
        switch (a.Kind)
        {
            case FeelValueKind.Boolean:
            case FeelValueKind.Number:
            case FeelValueKind.Date:
            case FeelValueKind.YearsMonthsDuration:
            case FeelValueKind.DaysTimeDuration:
                return a.RawNumber == b.RawNumber;
            case FeelValueKind.String:
                return string.Equals(a.RawString, b.RawString, StringComparison.Ordinal);
            // A value with a zone never equals one without, even where ordering compares them as UTC.
            case FeelValueKind.Time:
                return a.RawTime.HasZone == b.RawTime.HasZone && FeelComparison.Compare(a, b) == 0;
            case FeelValueKind.DateTime:
                return a.RawDateTime.HasZone == b.RawDateTime.HasZone && FeelComparison.Compare(a, b) == 0;
            case FeelValueKind.List:
                return ListsEqual(a.RawList, b.RawList);
            case FeelValueKind.Context:
                return ContextsEqual(a.RawContext, b.RawContext);
            case FeelValueKind.Range:
                return RangesEqual(a.RawRange, b.RawRange);
            default:
                return ReferenceEquals(a.RawFunction, b.RawFunction);
        }
    }

    // A list of one item equals that item (DMN singleton list conversion).
    private static bool? MixedKinds(FeelValue a, FeelValue b)
    {
        if (a.Kind == FeelValueKind.List && a.RawList.Length == 1) return AreEqual(a.RawList[0], b);
        if (b.Kind == FeelValueKind.List && b.RawList.Length == 1) return AreEqual(a, b.RawList[0]);
        return null;
    }

    private static bool? ListsEqual(FeelValue[] a, FeelValue[] b)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            var equal = AreEqual(a[i], b[i]);
            if (equal != true) return equal;
        }
        return true;
    }

    private static bool? ContextsEqual(FeelContext a, FeelContext b)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (a.Count != b.Count) return false;
        foreach (var (key, value) in a.Entries)
        {
            if (!b.TryGetValue(key, out var other)) return false;
            var equal = AreEqual(value, other);
            if (equal != true) return equal;
        }
        return true;
    }

    private static bool RangesEqual(FeelRange a, FeelRange b) =>
        a.StartIncluded == b.StartIncluded && a.EndIncluded == b.EndIncluded
        && AreEqual(a.Start, b.Start) == true && AreEqual(a.End, b.End) == true;
}

/// <summary>FEEL's ordering for <c>&lt;</c>, <c>&gt;</c>, ranges and sorting.</summary>
internal static class FeelComparison
{
    /// <summary>Negative, zero or positive; null when the values have no common order.</summary>
    public static int? Compare(FeelValue a, FeelValue b)
    {
        if (a.IsNull || b.IsNull || a.Kind != b.Kind) return null;
        switch (a.Kind)
        {
            case FeelValueKind.Number:
            case FeelValueKind.Date:
            case FeelValueKind.YearsMonthsDuration:
            case FeelValueKind.DaysTimeDuration:
                return a.RawNumber.CompareTo(b.RawNumber);
            case FeelValueKind.String:
                return string.CompareOrdinal(a.RawString, b.RawString);
            // A time or date-time without zone counts as UTC when it meets one with a zone, as in feelin.
            case FeelValueKind.Time:
                return a.RawTime.SecondsOfDay.CompareTo(b.RawTime.SecondsOfDay);
            case FeelValueKind.DateTime:
                return a.RawDateTime.InstantSeconds.CompareTo(b.RawDateTime.InstantSeconds);
            default:
                return null;
        }
    }
}

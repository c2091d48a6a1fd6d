namespace Sandbox.Feel;

/// <summary>A range such as <c>[1..10)</c>; a missing end point is unbounded (as in <c>&lt; 10</c>).</summary>
internal sealed record FeelRange(FeelValue Start, bool StartIncluded, FeelValue End, bool EndIncluded)
{
    public bool HasStart => !Start.IsNull;
    public bool HasEnd => !End.IsNull;

    /// <summary>True, false, or null when the value cannot be compared with the end points.</summary>
    public bool? Contains(FeelValue value)
    {
        if (HasStart)
        {
            var c = FeelComparison.Compare(value, Start);
            if (c is null) return null;
            if (c < 0 || (c == 0 && !StartIncluded)) return false;
        }
        if (HasEnd)
        {
            var c = FeelComparison.Compare(value, End);
            if (c is null) return null;
            if (c > 0 || (c == 0 && !EndIncluded)) return false;
        }
        return true;
    }
}

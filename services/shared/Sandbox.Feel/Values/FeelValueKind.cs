namespace Sandbox.Feel;

/// <summary>The FEEL type of a <see cref="FeelValue"/>.</summary>
public enum FeelValueKind : byte
{
    /// <summary>The FEEL <c>null</c>: absent, or the result of an invalid operation.</summary>
    Null,
    /// <summary>A boolean.</summary>
    Boolean,
    /// <summary>A number (held as <see cref="decimal"/>).</summary>
    Number,
    /// <summary>A string.</summary>
    String,
    /// <summary>A calendar date without time.</summary>
    Date,
    /// <summary>A time of day, optionally with an offset or zone.</summary>
    Time,
    /// <summary>A date and time, optionally with an offset or zone.</summary>
    DateTime,
    /// <summary>A duration in years and months.</summary>
    YearsMonthsDuration,
    /// <summary>A duration in days, hours, minutes and seconds.</summary>
    DaysTimeDuration,
    /// <summary>An ordered list of values.</summary>
    List,
    /// <summary>A context: ordered entries of name and value.</summary>
    Context,
    /// <summary>A range such as <c>[1..5)</c>.</summary>
    Range,
    /// <summary>A function (built-in or defined in the expression).</summary>
    Function,
}

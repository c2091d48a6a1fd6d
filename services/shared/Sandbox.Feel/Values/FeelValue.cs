using System.Diagnostics.CodeAnalysis;
using Sandbox.Feel.Nodes;
using Sandbox.Feel.Temporal;

namespace Sandbox.Feel;

/// <summary>
/// A FEEL value. Numbers, booleans, dates and durations are held inline so that evaluating
/// conditions over them allocates nothing; strings, lists, contexts and the rest hold a reference.
/// </summary>
public readonly partial struct FeelValue : IEquatable<FeelValue>
{
    private readonly decimal _number;
    private readonly object? _ref;

    private FeelValue(FeelValueKind kind, decimal number, object? reference)
    {
        Kind = kind;
        _number = number;
        _ref = reference;
    }

    /// <summary>The FEEL type of this value.</summary>
    public FeelValueKind Kind { get; }

    /// <summary>The FEEL <c>null</c>.</summary>
    public static FeelValue Null => default;

    /// <summary>The FEEL <c>true</c>.</summary>
    public static FeelValue True { get; } = new(FeelValueKind.Boolean, 1m, null);

    /// <summary>The FEEL <c>false</c>.</summary>
    public static FeelValue False { get; } = new(FeelValueKind.Boolean, 0m, null);

    /// <summary>True when this is the FEEL <c>null</c>.</summary>
    public bool IsNull => Kind == FeelValueKind.Null;

    /// <summary>True only when this is the boolean <c>true</c> (gateway and hide-rule semantics).</summary>
    public bool IsTrue => Kind == FeelValueKind.Boolean && _number != 0m;

    /// <summary>True only when this is the boolean <c>false</c>.</summary>
    public bool IsFalse => Kind == FeelValueKind.Boolean && _number == 0m;

    /// <summary>Creates a boolean value.</summary>
    public static FeelValue Boolean(bool value) => value ? True : False;

    /// <summary>Creates a number value.</summary>
    public static FeelValue Number(decimal value) => new(FeelValueKind.Number, value, null);

    /// <summary>Creates a string value; a null string gives the FEEL <c>null</c>.</summary>
    public static FeelValue String(string? value) => value is null ? Null : new(FeelValueKind.String, 0m, value);

    /// <summary>Creates a date value.</summary>
    public static FeelValue Date(DateOnly value) => new(FeelValueKind.Date, value.DayNumber, null);

    /// <summary>Creates a years-and-months duration from a count of months.</summary>
    public static FeelValue YearsMonths(int totalMonths) => new(FeelValueKind.YearsMonthsDuration, totalMonths, null);

    /// <summary>Creates a days-and-time duration.</summary>
    public static FeelValue DaysTime(TimeSpan value) => DaysTimeSeconds((decimal)value.Ticks / TimeSpan.TicksPerSecond);

    /// <summary>Creates a list value.</summary>
    public static FeelValue List(IEnumerable<FeelValue> items) => ListOf(items.ToArray());

    /// <summary>Creates a context value from ordered entries.</summary>
    public static FeelValue Context(IEnumerable<KeyValuePair<string, FeelValue>> entries) =>
        ContextOf(MapContext.From(entries));

    internal static FeelValue DaysTimeSeconds(decimal seconds) => new(FeelValueKind.DaysTimeDuration, seconds, null);
    internal static FeelValue ListOf(FeelValue[] items) => new(FeelValueKind.List, 0m, items);
    internal static FeelValue ContextOf(FeelContext context) => new(FeelValueKind.Context, 0m, context);
    internal static FeelValue TimeOf(FeelTime time) => new(FeelValueKind.Time, 0m, time);
    internal static FeelValue DateTimeOf(FeelDateTime dateTime) => new(FeelValueKind.DateTime, 0m, dateTime);
    internal static FeelValue RangeOf(FeelRange range) => new(FeelValueKind.Range, 0m, range);
    internal static FeelValue FunctionOf(FeelFunction function) => new(FeelValueKind.Function, 0m, function);

    internal decimal RawNumber => _number;
    internal string RawString => (string)_ref!;
    internal FeelValue[] RawList => (FeelValue[])_ref!;
    internal FeelContext RawContext => (FeelContext)_ref!;
    internal FeelTime RawTime => (FeelTime)_ref!;
    internal FeelDateTime RawDateTime => (FeelDateTime)_ref!;
    internal FeelRange RawRange => (FeelRange)_ref!;
    internal FeelFunction RawFunction => (FeelFunction)_ref!;
    internal DateOnly RawDate => DateOnly.FromDayNumber((int)_number);

    /// <summary>The boolean, or null when this is not a boolean.</summary>
    public bool? AsBoolean() => Kind == FeelValueKind.Boolean ? _number != 0m : null;

    /// <summary>The number, or null when this is not a number.</summary>
    public decimal? AsNumber() => Kind == FeelValueKind.Number ? _number : null;

    /// <summary>The string, or null when this is not a string.</summary>
    public string? AsString() => Kind == FeelValueKind.String ? RawString : null;

    /// <summary>The date, or null when this is not a date.</summary>
    public DateOnly? AsDate() => Kind == FeelValueKind.Date ? RawDate : null;

    /// <summary>The items, or null when this is not a list.</summary>
    public IReadOnlyList<FeelValue>? AsList() => Kind == FeelValueKind.List ? RawList : null;

    /// <summary>The context, or null when this is not a context.</summary>
    public FeelContext? AsContext() => Kind == FeelValueKind.Context ? RawContext : null;

    /// <summary>Tries to read the value as a number.</summary>
    public bool TryGetNumber(out decimal value)
    {
        value = _number;
        return Kind == FeelValueKind.Number;
    }

    /// <summary>Tries to read the value as a string.</summary>
    public bool TryGetString([NotNullWhen(true)] out string? value)
    {
        value = _ref as string;
        return Kind == FeelValueKind.String;
    }

    /// <summary>Structural equality (lists and contexts compare by content); not FEEL's three-valued <c>=</c>.</summary>
    public bool Equals(FeelValue other) => FeelEquality.AreEqual(this, other) == true;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FeelValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Kind switch
    {
        FeelValueKind.Number or FeelValueKind.Boolean or FeelValueKind.Date
            or FeelValueKind.YearsMonthsDuration or FeelValueKind.DaysTimeDuration => HashCode.Combine(Kind, _number),
        FeelValueKind.String => HashCode.Combine(Kind, RawString),
        FeelValueKind.Time => HashCode.Combine(Kind, RawTime.SecondsOfDay),
        FeelValueKind.DateTime => HashCode.Combine(Kind, RawDateTime.InstantSeconds),
        FeelValueKind.List => ListHash(RawList),
        FeelValueKind.Context => ContextHash(RawContext),
        _ => (int)Kind,
    };

    private static int ListHash(FeelValue[] items)
    {
        // A list of one equals its item (singleton conversion), so it must hash like it.
        if (items.Length == 1) return items[0].GetHashCode();
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var hash = new HashCode();
        hash.Add(FeelValueKind.List);
        foreach (var item in items) hash.Add(item.GetHashCode());
        return hash.ToHashCode();
    }

    // Entry order does not matter for context equality, so entries are combined in an order-free way.
    private static int ContextHash(FeelContext context)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var hash = context.Count;
        foreach (var (key, value) in context.Entries) hash ^= HashCode.Combine(key, value.GetHashCode());
        return hash;
    }

    /// <summary>Equality as <see cref="Equals(FeelValue)"/>.</summary>
    public static bool operator ==(FeelValue left, FeelValue right) => left.Equals(right);

    /// <summary>Inequality as <see cref="Equals(FeelValue)"/>.</summary>
    public static bool operator !=(FeelValue left, FeelValue right) => !left.Equals(right);

    /// <summary>The value written as FEEL would print it, e.g. <c>"text"</c>, <c>[1, 2]</c>, <c>date("2024-01-31")</c>.</summary>
    public override string ToString() => FeelFormatter.Format(this);
}

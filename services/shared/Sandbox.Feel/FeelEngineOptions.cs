namespace Sandbox.Feel;

/// <summary>Settings of a <see cref="FeelEngine"/>. The limits keep hostile expressions from running away.</summary>
public sealed record FeelEngineOptions
{
    /// <summary>The clock behind <c>today()</c> and <c>now()</c>; the sandbox clock in services.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Longest expression text accepted by the compiler.</summary>
    public int MaxExpressionLength { get; init; } = 100_000;

    /// <summary>Deepest nesting of parentheses, lists, contexts and operators.</summary>
    public int MaxNestingDepth { get; init; } = 100;

    /// <summary>Units of work one evaluation may spend (one per node, plus one per item a function touches).</summary>
    public int MaxEvaluationSteps { get; init; } = 1_000_000;

    /// <summary>Deepest nesting of calls to functions defined in expressions (recursion).</summary>
    public int MaxCallDepth { get; init; } = 64;

    /// <summary>Most items a list built during evaluation may hold.</summary>
    public int MaxCollectionSize { get; init; } = 100_000;

    /// <summary>Longest string an evaluation may build.</summary>
    public int MaxStringLength { get; init; } = 1_000_000;

    /// <summary>Time a regular expression (<c>matches</c>, <c>replace</c>, <c>split</c>) may run before giving null.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Most compiled expressions the engine keeps in its cache.</summary>
    public int CacheSize { get; init; } = 10_000;
}

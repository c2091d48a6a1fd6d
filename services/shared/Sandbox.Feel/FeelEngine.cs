using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sandbox.Feel.Parsing;

namespace Sandbox.Feel;

/// <summary>
/// Compiles FEEL expressions and unary tests. Compiled forms are cached by text and are safe to evaluate from
/// many threads at once. One engine per clock and set of limits; <see cref="Default"/> uses the system clock.
/// </summary>
public sealed class FeelEngine
{
    private readonly ConcurrentDictionary<string, FeelExpression> _expressions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FeelUnaryTests> _unaryTests = new(StringComparer.Ordinal);

    /// <summary>Creates an engine; without options it uses the system clock and the default limits.</summary>
    public FeelEngine(FeelEngineOptions? options = null) => Options = options ?? new FeelEngineOptions();

    /// <summary>An engine with the system clock and default limits.</summary>
    public static FeelEngine Default { get; } = new();

    /// <summary>The clock and limits of this engine.</summary>
    public FeelEngineOptions Options { get; }

    /// <summary>
    /// Compiles an expression, or returns the cached compiled form. A leading <c>=</c> (as Camunda writes
    /// expressions in BPMN and form-js) is accepted and ignored.
    /// </summary>
    /// <exception cref="FeelException">The text is not a valid expression; the exception gives line and column.</exception>
    public FeelExpression Compile(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (_expressions.TryGetValue(expression, out var cached)) return cached;
        return Remember(_expressions, expression, CompileWithoutCache(expression));
    }

    /// <summary>Compiles an expression without reading or filling the cache, for one-off expressions.</summary>
    /// <exception cref="FeelException">The text is not a valid expression.</exception>
    public FeelExpression CompileWithoutCache(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        CheckLength(expression);
        var root = Parser.ParseExpression(expression, Options.MaxNestingDepth, PrefixLength(expression));
        return new FeelExpression(expression, root, Options);
    }

    /// <summary>Compiles unary tests such as <c>&lt; 10</c>, <c>[1..5]</c>, <c>"a", "b"</c>, <c>not("x")</c> or <c>-</c>.</summary>
    /// <exception cref="FeelException">The text is not valid unary tests.</exception>
    public FeelUnaryTests CompileUnaryTests(string tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        if (_unaryTests.TryGetValue(tests, out var cached)) return cached;
        CheckLength(tests);
        var compiled = Parser.ParseUnaryTests(tests, Options.MaxNestingDepth);
        return Remember(_unaryTests, tests, new FeelUnaryTests(tests, compiled, Options));
    }

    /// <summary>Compiles (cached) and evaluates an expression over JSON variables.</summary>
    public FeelValue Evaluate(string expression, JsonObject? variables = null) => Compile(expression).Evaluate(variables);

    /// <summary>True when a BPMN or form-js property value is an expression: it starts with <c>=</c>.</summary>
    public static bool IsExpression(string? value) => value is not null && value.TrimStart().StartsWith('=');

    /// <summary>
    /// Resolves a Camunda property value: an expression (<c>=...</c>) is evaluated, any other text is the
    /// string itself. Null stays null.
    /// </summary>
    public FeelValue ResolveProperty(string? value, JsonObject? variables = null) =>
        value is null ? FeelValue.Null
        : IsExpression(value) ? Evaluate(value, variables)
        : FeelValue.String(value);

    // The text after a leading "=" is parsed, so that error positions still match what the designer typed.
    private static int PrefixLength(string text)
    {
        var first = text.Length - text.TrimStart().Length;
        return first < text.Length && text[first] == '=' ? first + 1 : 0;
    }

    private void CheckLength(string text)
    {
        if (text.Length > Options.MaxExpressionLength)
        {
            throw new FeelException($"Expression is longer than {Options.MaxExpressionLength} characters", text[..Math.Min(100, text.Length)] + "…");
        }
    }

    private T Remember<T>(ConcurrentDictionary<string, T> cache, string key, T value)
    {
        // A full cache is emptied rather than tracked entry by entry: compiling is cheap and rare.
        if (cache.Count >= Options.CacheSize) cache.Clear();
        return cache.GetOrAdd(key, value);
    }
}

using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Sandbox.Feel.Tests.Properties;

/// <summary>Random token sequences: the engine may reject them, but only with its own exceptions.</summary>
public class FuzzTests
{
    private static readonly string[] Tokens =
    [
        "1", "0", "-", "+", "*", "/", "**", "=", "!=", "<", "<=", ">", ">=", "(", ")", "[", "]", "{", "}", ",", ".", "..",
        ":", "@", "?", "\"s\"", "\"2024-01-01\"", "\"P1D\"", "a", "b", "item", "and", "or", "not", "in", "between",
        "if", "then", "else", "for", "some", "every", "return", "satisfies", "function", "instance", "of", "number",
        "true", "false", "null", "date", "time", "date and time", "duration", "substring", "sort", "matches",
        "count", "sum", "min", "string join", "get value", "context put", "flatten", "sublist", "1.5", "`x y`",
    ];

    private static readonly Arbitrary<string> Soup =
        Arb.From(Gen.ListOf(Gen.Elements(Tokens)).Select(tokens => string.Join(' ', tokens)));

    [Property(MaxTest = 2000)]
    public Property RandomTokens_CompileOrFailWithFeelException_AndEvaluateSafely() =>
        Prop.ForAll(Soup, text =>
        {
            FeelExpression expression;
            try
            {
                expression = new FeelEngine().Compile(text);
            }
            catch (FeelException)
            {
                return true;
            }
            try
            {
                expression.Evaluate(new JsonObject { ["a"] = 1, ["b"] = new JsonArray(1, 2) });
            }
            catch (FeelLimitException)
            {
            }
            return true;
        });

    [Property(MaxTest = 1000)]
    public Property RandomTokens_AsUnaryTests_FailOnlyWithFeelException() =>
        Prop.ForAll(Soup, text =>
        {
            try
            {
                new FeelEngine().CompileUnaryTests(text).Test(FeelValue.Number(1));
            }
            catch (FeelException)
            {
            }
            return true;
        });
}

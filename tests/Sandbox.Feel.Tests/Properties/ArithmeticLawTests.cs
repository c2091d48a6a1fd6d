using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Sandbox.Feel.Tests.Properties;

public class ArithmeticLawTests
{
    private static readonly FeelEngine Engine = new();

    private static decimal? Eval(string expression, decimal a, decimal b, decimal c = 0) =>
        Engine.Compile(expression).Evaluate(new JsonObject { ["a"] = a, ["b"] = b, ["c"] = c }).AsNumber();

    private static bool? Test(string expression, decimal a, decimal b) =>
        Engine.Compile(expression).Evaluate(new JsonObject { ["a"] = a, ["b"] = b }).AsBoolean();

    [Property]
    public Property Addition_IsCommutative() =>
        Prop.ForAll(DecimalGenerators.ExactArb, DecimalGenerators.ExactArb, (a, b) => Eval("a + b", a, b) == Eval("b + a", a, b));

    [Property]
    public Property Addition_IsAssociative() =>
        Prop.ForAll(DecimalGenerators.ExactArb, DecimalGenerators.ExactArb, DecimalGenerators.ExactArb,
            (a, b, c) => Eval("(a + b) + c", a, b, c) == Eval("a + (b + c)", a, b, c));

    [Property]
    public Property Multiplication_DistributesOverAddition() =>
        Prop.ForAll(DecimalGenerators.ExactArb, DecimalGenerators.ExactArb, DecimalGenerators.ExactArb,
            (a, b, c) => Eval("a * (b + c)", a, b, c) == Eval("a * b + a * c", a, b, c));

    [Property]
    public Property Subtraction_UndoesAddition() =>
        Prop.ForAll(DecimalGenerators.ExactArb, DecimalGenerators.ExactArb, (a, b) => Eval("(a + b) - b", a, b) == a);

    [Property]
    public Property Addition_MatchesDecimalArithmetic() =>
        Prop.ForAll(DecimalGenerators.ExactArb, DecimalGenerators.ExactArb, (a, b) => Eval("a + b", a, b) == a + b);

    [Property]
    public Property Division_ByNonZero_InvertsMultiplication() =>
        Prop.ForAll(DecimalGenerators.ExactArb, DecimalGenerators.ExactArb,
            (a, b) => b == 0 ? Eval("a / b", a, b) is null : Eval("a * b / b", a, b) == a);

    [Property]
    public Property Comparison_IsTrichotomous() =>
        Prop.ForAll(DecimalGenerators.ExactArb, DecimalGenerators.ExactArb, (a, b) =>
            new[] { Test("a < b", a, b), Test("a = b", a, b), Test("a > b", a, b) }.Count(r => r == true) == 1);

    [Property]
    public Property Comparison_AgreesWithDecimalOrder() =>
        Prop.ForAll(DecimalGenerators.ExactArb, DecimalGenerators.ExactArb, (a, b) =>
            Test("a <= b", a, b) == (a <= b) && Test("a != b", a, b) == (a != b) && Test("a >= b", a, b) == (a >= b));

    [Property]
    public Property Between_EqualsTwoComparisons() =>
        Prop.ForAll(DecimalGenerators.ExactArb, DecimalGenerators.ExactArb, (a, b) =>
            Test("a between b and b + 10", a, b) == Test("a >= b and a <= b + 10", a, b));

    [Property]
    public Property NumberLiteral_EvaluatesToItsValue() =>
        Prop.ForAll(DecimalGenerators.ExactArb, a => Engine.Compile(DecimalGenerators.Literal(a)).Evaluate().AsNumber() == a);

    [Property]
    public Property StringOfNumber_ParsesBack() =>
        Prop.ForAll(DecimalGenerators.ExactArb, a => Eval("number(string(a))", a, 0) == a);
}

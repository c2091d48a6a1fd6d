using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Sandbox.Feel.Tests.Properties;

public class ParserRoundTripTests
{
    private static readonly FeelEngine Engine = new();

    [Property(MaxTest = 300)]
    public Property Print_ThenParse_GivesSameTree() =>
        Prop.ForAll(ExpressionGenerator.Arbitrary, text =>
        {
            var canonical = Engine.Compile(text).ToCanonicalString();
            return Engine.Compile(canonical).ToCanonicalString() == canonical;
        });

    [Property(MaxTest = 300)]
    public Property Print_ThenParse_EvaluatesTheSame() =>
        Prop.ForAll(ExpressionGenerator.Arbitrary, text =>
        {
            var original = Engine.Compile(text);
            var reparsed = Engine.Compile(original.ToCanonicalString());
            return Result(original) == Result(reparsed);
        });

    private static string Result(FeelExpression expression)
    {
        var variables = JsonNode.Parse(ExpressionGenerator.Variables)!.AsObject();
        return expression.Evaluate(variables).ToString();
    }
}

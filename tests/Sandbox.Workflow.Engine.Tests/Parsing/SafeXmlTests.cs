using Sandbox.Feel;
using Sandbox.Workflow.Engine.Parsing;

namespace Sandbox.Workflow.Engine.Tests.Parsing;

public class SafeXmlTests
{
    [Fact]
    public void ExternalEntity_IsRefusedWithoutReadingTheFile()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "top-secret-value");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE d [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="&xxe;" isExecutable="true" /></bpmn:definitions>
            """;

        var result = TestModels.Parse(xml);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("DTD", problem.Reason);
        Assert.DoesNotContain("top-secret-value", problem.Reason);
        File.Delete(secret);
    }

    [Fact]
    public void BillionLaughs_IsRefused()
    {
        var entities = string.Join("\n", Enumerable.Range(1, 9).Select(i => $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">"));
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY l0 \"lol\">{entities}]><d>&l9;</d>";

        var result = TestModels.Parse(xml);

        Assert.Contains("DTD", Assert.Single(result.Problems).Reason);
    }

    [Fact]
    public void FiftyMegabyteFile_IsRefusedAfterReadingJustPastTheLimit()
    {
        var huge = new MemoryStream(new byte[50 * 1024 * 1024]);

        var result = TestModels.Parser.Parse(huge);

        Assert.Contains("at most 5242880", Assert.Single(result.Problems).Reason);
        Assert.True(huge.Position < 6 * 1024 * 1024);
    }

    [Fact]
    public void LimitFromOptions_IsApplied()
    {
        var parser = new BpmnParser(FeelEngine.Default, new BpmnParserOptions { MaxBytes = 1000 });

        var result = parser.Parse(TestModels.Wrap(new string(' ', 2000)));

        Assert.Contains("at most 1000", Assert.Single(result.Problems).Reason);
    }

    [Fact]
    public void DeepNesting_IsRefusedWithItsLine()
    {
        var xml = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n"
            + string.Concat(Enumerable.Repeat("<a>\n", 10_000)) + string.Concat(Enumerable.Repeat("</a>", 10_000)) + "</bpmn:definitions>";

        var problem = Assert.Single(TestModels.Parse(xml).Problems);

        Assert.Contains("nested deeper than 64", problem.Reason);
        Assert.Equal(65, problem.Line);
    }

    [Fact]
    public void Text_WithUtf16Declaration_IsReadAsText()
    {
        var xml = TestModels.Wrap(Bpmn.Chain()).Replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");

        Assert.True(TestModels.Parse(xml).Succeeded);
    }

    [Fact]
    public void MalformedXml_GivesLine()
    {
        var problem = Assert.Single(TestModels.Parse("<a>\n<b>\n</a>").Problems);

        Assert.Equal(3, problem.Line);
    }
}

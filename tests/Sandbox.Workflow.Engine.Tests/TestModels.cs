using Sandbox.Feel;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.Parsing;

namespace Sandbox.Workflow.Engine.Tests;

// Loads the copied testdata models and builds inline ones.
internal static class TestModels
{
    public static readonly BpmnParser Parser = new(FeelEngine.Default);

    public static DeploymentResult ParseFile(string name) =>
        Parser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Models", name)));

    public static ProcessDefinition File1(string name)
    {
        var result = ParseFile(name);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Processes[0];
    }

    public static DeploymentResult Parse(string xml) => Parser.Parse(xml);

    public static ProcessDefinition Deploy(string xml)
    {
        var result = Parser.Parse(xml);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return Assert.Single(result.Processes);
    }

    // Wraps process content in definitions with the usual namespaces.
    public static string Wrap(string content, string extra = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d1" targetNamespace="http://bpmn.io/schema/bpmn">
          {extra}
          <bpmn:process id="p" isExecutable="true">
          {content}
          </bpmn:process>
        </bpmn:definitions>
        """;
}

namespace Sandbox.Workflow.Engine.Benchmarks;

// The two benchmark processes, written as Camunda Modeler writes them (without diagram).
internal static class Models
{
    private static string Wrap(string content) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="bench" isExecutable="true">{content}</bpmn:process>
        </bpmn:definitions>
        """;

    private static string Task(string id) =>
        $"""<bpmn:serviceTask id="{id}"><bpmn:extensionElements><zeebe:taskDefinition type="work" /></bpmn:extensionElements></bpmn:serviceTask>""";

    private static string Flow(string from, string to, string? condition = null) =>
        $"""<bpmn:sequenceFlow id="{from}_{to}" sourceRef="{from}" targetRef="{to}">{(condition is null ? "" : $"<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">{condition}</bpmn:conditionExpression>")}</bpmn:sequenceFlow>""";

    // start → ten service tasks → end: 12 elements.
    public static string Straight()
    {
        var ids = Enumerable.Range(1, 10).Select(i => $"t{i}").Prepend("start").Append("end").ToArray();
        var tasks = ids[1..^1].Select(Task);
        var flows = ids.Zip(ids.Skip(1)).Select(p => Flow(p.First, p.Second));
        return Wrap($"""<bpmn:startEvent id="start" />{string.Concat(tasks)}<bpmn:endEvent id="end" />{string.Concat(flows)}""");
    }

    // 20 elements: exclusive split and merge, a three-way parallel split and join, an inclusive split and join,
    // a script task and ten jobs; 19 of them are entered per instance.
    public static string Gateways() => Wrap(string.Concat(
        """<bpmn:startEvent id="start" />""", Task("t1"),
        """<bpmn:exclusiveGateway id="x1" default="x1_b" />""", Task("a"), Task("b"), """<bpmn:exclusiveGateway id="x2" />""",
        """<bpmn:parallelGateway id="p1" />""", Task("p1a"), Task("p1b"), Task("p1c"), """<bpmn:parallelGateway id="p2" />""",
        Task("t2"), """<bpmn:inclusiveGateway id="i1" />""", Task("i2a"), Task("i2b"), """<bpmn:inclusiveGateway id="i2" />""",
        """<bpmn:scriptTask id="s"><bpmn:extensionElements><zeebe:script expression="=amount * 2" resultVariable="doubled" /></bpmn:extensionElements></bpmn:scriptTask>""",
        Task("t3"), Task("t4"), """<bpmn:endEvent id="end" />""",
        Flow("start", "t1"), Flow("t1", "x1"), Flow("x1", "a", "=amount &gt; 100"), Flow("x1", "b"), Flow("a", "x2"), Flow("b", "x2"),
        Flow("x2", "p1"), Flow("p1", "p1a"), Flow("p1", "p1b"), Flow("p1", "p1c"), Flow("p1a", "p2"), Flow("p1b", "p2"), Flow("p1c", "p2"),
        Flow("p2", "t2"), Flow("t2", "i1"), Flow("i1", "i2a", "=amount &gt; 10"), Flow("i1", "i2b", "=flag"), Flow("i2a", "i2"), Flow("i2b", "i2"),
        Flow("i2", "s"), Flow("s", "t3"), Flow("t3", "t4"), Flow("t4", "end")));
}

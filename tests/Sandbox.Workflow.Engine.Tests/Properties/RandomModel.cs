using System.Text;

namespace Sandbox.Workflow.Engine.Tests.Properties;

// Builds a random, valid, block-structured process: tasks, gateways of every kind with their joins, subprocesses,
// timers, event-based races, multi-instance, boundary timers and subprocesses guarded by error boundaries,
// nested up to a few levels.
internal sealed class RandomModel(Random random)
{
    private int _next;

    public static string Build(int seed)
    {
        var model = new RandomModel(new Random(seed));
        var body = new StringBuilder();
        var (first, last) = model.Sequence(0, body);
        body.Append(Bpmn.Start()).Append(Bpmn.End()).Append(Bpmn.Flow("fs", "start", first)).Append(Bpmn.Flow("fe", last, "end"));
        return TestModels.Wrap(body.ToString(), Bpmn.Message("msg", "go", "=corr"));
    }

    private string Id(string prefix) => $"{prefix}{++_next}";

    private void Flow(StringBuilder sb, string from, string to, string? condition = null) => sb.Append(Bpmn.Flow(Id("f"), from, to, condition));

    private (string First, string Last) Sequence(int depth, StringBuilder sb)
    {
        var (first, last) = Block(depth, sb);
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            var (next, end) = Block(depth, sb);
            Flow(sb, last, next);
            last = end;
        }
        return (first, last);
    }

    private (string First, string Last) Block(int depth, StringBuilder sb)
    {
        var choice = random.Next(depth >= 3 ? 3 : 12);
        switch (choice)
        {
            case 0: return Single(sb, Bpmn.Service(Id("job"), "work"));
            case 1: return Single(sb, Bpmn.User(Id("task")));
            case 2: return Single(sb, Bpmn.TimerCatch(Id("timer"), "timeDuration", "PT1H"));
            case 3: return Split(depth, sb, "exclusive", i => $"=r = {i}");
            case 4: return Split(depth, sb, "parallel", _ => null);
            case 5: return Split(depth, sb, "inclusive", i => $"=flag{i}");
            case 6: return SubProcess(depth, sb);
            case 7: return Single(sb, Bpmn.Service(Id("multi"), "work", body: MultiInstance()));
            case 8: return BoundaryTimer(sb);
            case 9: return Race(sb);
            case 10: return GuardedSubProcess(depth, sb);
            default: return Single(sb, $"""<bpmn:scriptTask id="{Id("script")}"><bpmn:extensionElements><zeebe:script expression="=r + 1" resultVariable="s" /></bpmn:extensionElements></bpmn:scriptTask>""");
        }
    }

    private static (string, string) Single(StringBuilder sb, string xml)
    {
        sb.Append(xml);
        var id = xml.Split("id=\"")[1].Split('"')[0];
        return (id, id);
    }

    private (string, string) Split(int depth, StringBuilder sb, string kind, Func<int, string?> condition)
    {
        var branches = random.Next(2, 4);
        var fork = Id("fork");
        var join = Id("join");
        var defaultFlow = kind == "parallel" ? null : Id("fd");
        sb.Append(Bpmn.Gateway(kind, fork, defaultFlow)).Append(Bpmn.Gateway(kind, join));
        for (var i = 0; i < branches; i++)
        {
            var (first, last) = Sequence(depth + 1, sb);
            if (i == branches - 1 && defaultFlow is not null) sb.Append(Bpmn.Flow(defaultFlow, fork, first));
            else Flow(sb, fork, first, condition(i));
            Flow(sb, last, join);
        }
        return (fork, join);
    }

    private (string, string) SubProcess(int depth, StringBuilder sb)
    {
        var id = Id("sub");
        var inner = new StringBuilder();
        var (first, last) = Sequence(depth + 1, inner);
        var (start, end) = (Id("ss"), Id("se"));
        inner.Append(Bpmn.Start(start)).Append(Bpmn.End(end));
        Flow(inner, start, first);
        Flow(inner, last, end);
        sb.Append($"""<bpmn:subProcess id="{id}">{inner}</bpmn:subProcess>""");
        return (id, id);
    }

    // A subprocess whose errors a catch-all boundary event turns into an alternative path.
    private (string, string) GuardedSubProcess(int depth, StringBuilder sb)
    {
        var (sub, _) = SubProcess(depth, sb);
        var (boundary, merge) = (Id("err"), Id("merge"));
        sb.Append($"""<bpmn:boundaryEvent id="{boundary}" attachedToRef="{sub}"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>""")
          .Append(Bpmn.Gateway("exclusive", merge));
        Flow(sb, sub, merge);
        Flow(sb, boundary, merge);
        return (sub, merge);
    }

    private string MultiInstance() => $"""
        <bpmn:multiInstanceLoopCharacteristics isSequential="{(random.Next(2) == 0 ? "true" : "false")}">
          <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1, 2, 3]" inputElement="item" /></bpmn:extensionElements>
        </bpmn:multiInstanceLoopCharacteristics>
        """;

    private (string, string) BoundaryTimer(StringBuilder sb)
    {
        var task = Id("task");
        var boundary = Id("bt");
        var after = Id("after");
        var interrupting = random.Next(2) == 0;
        var timer = interrupting ? "<bpmn:timeDuration>PT2H</bpmn:timeDuration>" : "<bpmn:timeCycle>R2/PT1H</bpmn:timeCycle>";
        sb.Append(Bpmn.User(task))
          .Append($"""<bpmn:boundaryEvent id="{boundary}" attachedToRef="{task}" cancelActivity="{interrupting.ToString().ToLowerInvariant()}"><bpmn:timerEventDefinition>{timer}</bpmn:timerEventDefinition></bpmn:boundaryEvent>""");
        if (interrupting)
        {
            sb.Append(Bpmn.Gateway("exclusive", after));
            Flow(sb, task, after);
            Flow(sb, boundary, after);
            return (task, after);
        }
        var end = Id("be");
        sb.Append(Bpmn.Service(after, "work")).Append(Bpmn.End(end));
        Flow(sb, boundary, after);
        Flow(sb, after, end);
        return (task, task);
    }

    private (string, string) Race(StringBuilder sb)
    {
        var (gateway, message, timer, merge) = (Id("race"), Id("m"), Id("t"), Id("merge"));
        sb.Append(Bpmn.Gateway("eventBased", gateway)).Append(Bpmn.MessageCatch(message, "msg"))
          .Append(Bpmn.TimerCatch(timer, "timeDuration", "PT3H")).Append(Bpmn.Gateway("exclusive", merge));
        Flow(sb, gateway, message);
        Flow(sb, gateway, timer);
        Flow(sb, message, merge);
        Flow(sb, timer, merge);
        return (gateway, merge);
    }
}

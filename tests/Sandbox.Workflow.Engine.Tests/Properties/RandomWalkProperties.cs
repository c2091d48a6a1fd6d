using System.Text.Json.Nodes;
using FsCheck.Xunit;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;

namespace Sandbox.Workflow.Engine.Tests.Properties;

public class RandomWalkProperties
{
    [Property(MaxTest = 150)]
    public void RandomWalk_ThroughRandomModel_NeverLeavesOrphanTokensAndEnds(int modelSeed, int walkSeed)
    {
        var definition = TestModels.Deploy(RandomModel.Build(modelSeed));
        var random = new Random(walkSeed);
        var variables = new JsonObject { ["r"] = random.Next(3), ["corr"] = "c", ["flag0"] = random.Next(2) == 0, ["flag1"] = random.Next(2) == 0, ["flag2"] = random.Next(2) == 0 };
        var run = new Harness(definition).Start(variables);

        for (var action = 0; action < 400 && run.State.Lifecycle == InstanceLifecycle.Active; action++)
        {
            Invariants.Check(run);
            Act(run, random);
        }

        Invariants.Check(run);
        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Single(run.State.Elements);
        Assert.Empty(run.State.Subscriptions);
        Assert.All(run.State.History, h => Assert.NotNull(h.LeftAt));
    }

    // One thing the outside world could do now: finish a job or task, fire a timer, or send the message.
    private static void Act(Harness run, Random random)
    {
        var options = new List<Action>();
        foreach (var waiting in run.Waiting(n => n.Kind is ElementKind.ServiceTask or ElementKind.UserTask))
        {
            var kind = run.Definition[waiting.ElementId].Kind;
            options.Add(kind == ElementKind.UserTask
                ? () => run.Do(new CompleteUserTask(waiting.Key, new JsonObject { ["r"] = random.Next(3) }))
                : () => run.Do(new CompleteJob(waiting.Key)));
            if (kind == ElementKind.ServiceTask && IsGuarded(run, waiting)) options.Add(() => run.Do(new ThrowError(waiting.Key, "FAILED")));
        }
        foreach (var subscription in run.State.Subscriptions)
        {
            options.Add(subscription.Kind == SubscriptionKind.Timer
                ? () =>
                {
                    if (subscription.DueAt > run.Clock.GetUtcNow()) run.Clock.SetUtcNow(subscription.DueAt!.Value);
                    run.Do(new FireTimer(subscription.Key));
                }
                : () => run.Do(new CorrelateMessage(subscription.Key)));
        }
        Assert.NotEmpty(options);
        options[random.Next(options.Count)]();
    }

    // Whether an error thrown here is caught: some enclosing element has an error boundary event.
    private static bool IsGuarded(Harness run, ElementInstance element)
    {
        var byKey = run.State.Elements.ToDictionary(e => e.Key);
        for (var current = element; current.ParentKey is { } parent; current = byKey[parent])
        {
            if (run.Definition[current.ElementId].Boundaries.Any(b => b.Trigger == EventTrigger.Error)) return true;
        }
        return false;
    }

    [Property(MaxTest = 60)]
    public void Cancel_AfterRandomSteps_LeavesNothingBehind(int modelSeed, int walkSeed, byte steps)
    {
        var definition = TestModels.Deploy(RandomModel.Build(modelSeed));
        var random = new Random(walkSeed);
        var run = new Harness(definition).Start(new JsonObject { ["r"] = random.Next(3), ["corr"] = "c", ["flag0"] = true, ["flag1"] = false, ["flag2"] = true });
        for (var i = 0; i < steps % 20 && run.State.Lifecycle == InstanceLifecycle.Active; i++) Act(run, random);
        if (run.State.Lifecycle != InstanceLifecycle.Active) return;

        run.Do(new CancelInstance());

        Assert.Equal(InstanceStatus.Terminated, run.Status);
        Assert.Single(run.State.Elements);
        Assert.Empty(run.State.Subscriptions);
        Assert.All(run.State.History, h => Assert.NotNull(h.LeftAt));
        var created = run.Effects.OfType<JobCreated>().Select(j => j.ElementInstanceKey).Concat(run.Effects.OfType<UserTaskCreated>().Select(t => t.ElementInstanceKey)).ToHashSet();
        var ended = run.State.History.Where(h => created.Contains(h.ElementInstanceKey)).ToList();
        Assert.All(ended.Where(h => h.Terminated), h =>
            Assert.Contains(run.Effects, e => e is JobCancelled c && c.ElementInstanceKey == h.ElementInstanceKey
                || e is UserTaskCancelled u && u.ElementInstanceKey == h.ElementInstanceKey));
    }
}

internal static class Invariants
{
    public static void Check(Harness run)
    {
        var state = run.State;
        Assert.Empty(state.Incidents);
        var keys = state.Elements.Select(e => e.Key).ToHashSet();
        foreach (var element in state.Elements.Skip(1))
        {
            Assert.True(element.ParentKey is { } parent && keys.Contains(parent), $"{element.ElementId} has no live parent");
            Assert.Equal(ElementPhase.Active, element.Phase);
            Assert.Null(state.History[element.HistoryIndex].LeftAt);
        }
        foreach (var subscription in state.Subscriptions)
        {
            Assert.Contains(subscription.ElementInstanceKey, keys);
        }
        // Every waiting element waits for something that can come: a job, a task, a subscription or its children.
        foreach (var element in state.Elements.Skip(1))
        {
            var node = run.Definition[element.ElementId];
            var waitsOnSomething = element.IsMultiInstanceBody || node.IsContainer
                ? state.Elements.Any(c => c.ParentKey == element.Key)
                : node.Kind is ElementKind.ServiceTask or ElementKind.UserTask
                  || state.Subscriptions.Any(s => s.ElementInstanceKey == element.Key);
            Assert.True(waitsOnSomething, $"{element.ElementId} waits for nothing");
        }
        Assert.Equal(state.Elements.Count - 1, state.History.Count(h => h.LeftAt is null && h.Kind != ElementKind.Process));
    }
}

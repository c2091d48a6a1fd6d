using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.Data;
using Sandbox.Workflow.EServices;
using Sandbox.Workflow.Engine.Execution;
using Sandbox.Workflow.Engine.Model;
using Sandbox.Workflow.Engine.State;
using Sandbox.Workflow.Events;

namespace Sandbox.Workflow.Runtime;

/// <summary>
/// Turns a step's effects into rows of the same unit of work as the new state, so that one SaveChanges stores
/// both or neither: history, jobs, tasks, timers, subscriptions and the outbox events the step causes.
/// </summary>
public sealed class EffectWriter(WorkflowDb db, Telemetry telemetry, TimeProvider clock, OutboxWriter outbox, IEServiceCatalog catalog,
    JobSignal jobSignal, CallActivities calls)
{
    private bool pushPending;

    /// <summary>Wakes the outbox publisher and the job dispatcher once the step's unit of work has committed.</summary>
    public void Committed()
    {
        outbox.Committed();
        calls.Committed();
        if (!pushPending) return;
        pushPending = false;
        jobSignal.Notify();
    }

    public async Task ApplyAsync(InstanceRow instance, StepResult step, CancellationToken ct)
    {
        var (statusBefore, caseStatusBefore) = (instance.Status, instance.CaseStatus);
        foreach (var effect in step.Effects)
        {
            switch (effect)
            {
                case ElementEntered e:
                    db.History.Add(History(instance, e.ElementInstanceKey, e.ElementId, e.Kind.ToString(), "entered", e.At));
                    break;
                case ElementLeft e:
                    db.History.Add(History(instance, e.ElementInstanceKey, e.ElementId, e.Kind.ToString(), e.Terminated ? "terminated" : "left", e.At));
                    if (e.Kind == ElementKind.UserTask && !e.Terminated) await TaskCompletedAsync(instance, e.ElementInstanceKey, ct);
                    break;
                case JobCreated e:
                    await JobCreatedAsync(instance, e, ct);
                    break;
                case JobCancelled e:
                    foreach (var job in await OpenJobsAsync(instance, e.ElementInstanceKey, ct)) Close(job, WorkState.Cancelled);
                    break;
                case UserTaskCreated e:
                    var created = Task(instance, e, clock.GetUtcNow().UtcDateTime);
                    db.UserTasks.Add(created);
                    outbox.Add(instance, Topics.TaskCreated, TaskEvent(instance, created, created.CreatedAt), created);
                    telemetry.TaskCreated(instance.BpmnProcessId);
                    break;
                case UserTaskCancelled e:
                    foreach (var task in await OpenTasksAsync(instance.Id, e.ElementInstanceKey, ct)) Close(task, WorkState.Cancelled);
                    break;
                case TimerScheduled e:
                    db.Timers.Add(new TimerRow
                    {
                        InstanceId = instance.Id, SubscriptionKey = e.SubscriptionKey, ElementId = e.ElementId, DueAt = e.DueAt.UtcDateTime,
                        TraceParent = Activity.Current?.Id,
                    });
                    break;
                case TimerCancelled e:
                    var timers = await db.Timers.Where(t => t.InstanceId == instance.Id && t.SubscriptionKey == e.SubscriptionKey && t.State == WorkState.Open).ToListAsync(ct);
                    foreach (var timer in timers) timer.State = WorkState.Cancelled;
                    break;
                case MessageSubscriptionOpened e:
                    db.MessageSubscriptions.Add(new MessageSubscriptionRow
                    {
                        Tenant = instance.Tenant, InstanceId = instance.Id, SubscriptionKey = e.SubscriptionKey, ElementId = e.ElementId,
                        MessageName = e.MessageName, CorrelationKey = e.CorrelationKey,
                    });
                    break;
                case MessageSubscriptionClosed e:
                    await CloseSubscriptionAsync(instance.Id, e.SubscriptionKey, ct);
                    break;
                case CallActivityStartRequested e:
                    await calls.StartChildAsync(instance, e, ct);
                    break;
                case CallActivityCancelled e:
                    await calls.CancelChildrenAsync(instance, e.ElementInstanceKey, ct);
                    break;
                case IncidentRaised e:
                    telemetry.Incident(instance.BpmnProcessId, e.Incident.Kind.ToString());
                    if (instance.ParentInstanceId is not null && e.Incident is { Kind: IncidentKind.UnhandledError, ErrorCode: not null })
                    {
                        calls.ChildErrorUncaught(instance, e.Incident);
                    }
                    break;
                case InstanceCompleted e:
                    telemetry.InstanceCompleted(instance.BpmnProcessId, clock.GetUtcNow().UtcDateTime - instance.StartedAt);
                    if (instance.ParentInstanceId is not null) calls.ChildCompleted(instance, e);
                    break;
            }
        }
        Store(instance, step.State, clock.GetUtcNow().UtcDateTime);
        // A called instance is part of its root's case: only the root reports the case's status.
        if (instance.ParentInstanceId is null && (instance.Status != statusBefore || instance.CaseStatus != caseStatusBefore))
        {
            outbox.Add(instance, Topics.CaseStatusChanged, new CaseStatusChanged(Guid.NewGuid().ToString("n"), instance.Id, instance.Tenant,
                instance.Subject, instance.Reference, instance.SubmissionId, instance.EServiceId, instance.Status, instance.CaseStatus,
                OutboxWriter.Utc(instance.UpdatedAt)));
        }
    }

    private static void Store(InstanceRow instance, InstanceState state, DateTime now)
    {
        instance.StateJson = StateJson.Write(state);
        instance.Status = state.Status().ToString().ToLowerInvariant();
        instance.EndedAt = state.EndedAt?.UtcDateTime;
        instance.UpdatedAt = now;
        instance.CaseStatus = state.Elements.FirstOrDefault()?.Variables?["caseStatus"] is JsonValue value
            && value.TryGetValue<string>(out var text) ? text : null;
        instance.RowVersion = Guid.NewGuid();
    }

    private async Task TaskCompletedAsync(InstanceRow instance, long key, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var task in await OpenTasksAsync(instance.Id, key, ct))
        {
            Close(task, WorkState.Completed);
            outbox.Add(instance, Topics.TaskCompleted, TaskEvent(instance, task, now), task);
            telemetry.TaskCompleted(instance.BpmnProcessId, task.ElementId, now - task.CreatedAt);
        }
    }

    // The task id is filled in when the event is published (the row gets its id on insert).
    private static TaskEvent TaskEvent(InstanceRow instance, UserTaskRow task, DateTime at) => new(0, instance.Tenant, instance.Id,
        instance.BpmnProcessId, task.ElementId, task.Name, Split(task.CandidateGroups), task.Assignee,
        task.DueDate is { } due ? OutboxWriter.Utc(due) : null, task.FormId, instance.Reference, OutboxWriter.Utc(at));

    private async Task JobCreatedAsync(InstanceRow instance, JobCreated e, CancellationToken ct)
    {
        // A failed job that is retried keeps its key, as in Zeebe.
        var job = (await OpenJobsAsync(instance, e.ElementInstanceKey, ct)).FirstOrDefault();
        if (job is null)
        {
            job = new JobRow { Tenant = instance.Tenant, InstanceId = instance.Id, ElementInstanceKey = e.ElementInstanceKey, CreatedAt = clock.GetUtcNow().UtcDateTime };
            // The route is fixed when the job is made: a job is either pushed or activated by workers, never both.
            if (await catalog.FindJobRouteAsync(instance.Tenant, instance.BpmnProcessId, e.Type, ct) is { } route)
            {
                (job.PushApp, job.PushMethod) = (route.AppId, route.Method);
            }
            db.Jobs.Add(job);
        }
        job.TraceParent = Activity.Current?.Id;
        pushPending |= job.PushApp is not null;
        job.ElementId = e.ElementId;
        job.Type = e.Type;
        job.Retries = e.Retries;
        job.HeadersJson = JsonSerializer.Serialize(e.Headers);
        job.AvailableAt = e.AvailableAt?.UtcDateTime;
        job.Worker = null;
        job.LockedUntil = null;
        job.RowVersion = Guid.NewGuid();
    }

    private async Task<List<JobRow>> OpenJobsAsync(InstanceRow instance, long key, CancellationToken ct)
    {
        var local = db.Jobs.Local.Where(j => j.InstanceId == instance.Id && j.ElementInstanceKey == key && j.State == WorkState.Open).ToList();
        // An instance being started has no stored rows yet.
        if (local.Count > 0 || db.Entry(instance).State == EntityState.Added) return local;
        return await db.Jobs.Where(j => j.InstanceId == instance.Id && j.ElementInstanceKey == key && j.State == WorkState.Open).ToListAsync(ct);
    }

    private async Task<List<UserTaskRow>> OpenTasksAsync(string instanceId, long key, CancellationToken ct)
    {
        var local = db.UserTasks.Local.Where(t => t.InstanceId == instanceId && t.ElementInstanceKey == key && t.State == WorkState.Open).ToList();
        if (local.Count > 0) return local;
        return await db.UserTasks.Where(t => t.InstanceId == instanceId && t.ElementInstanceKey == key && t.State == WorkState.Open).ToListAsync(ct);
    }

    private async Task CloseSubscriptionAsync(string instanceId, long key, CancellationToken ct)
    {
        var rows = db.MessageSubscriptions.Local.Where(m => m.InstanceId == instanceId && m.SubscriptionKey == key && m.State == WorkState.Open).ToList();
        if (rows.Count == 0)
        {
            rows = await db.MessageSubscriptions.Where(m => m.InstanceId == instanceId && m.SubscriptionKey == key && m.State == WorkState.Open).ToListAsync(ct);
        }
        foreach (var row in rows) row.State = WorkState.Completed;
    }

    public static void Close(JobRow job, string state)
    {
        job.State = state;
        job.LockedUntil = null;
        job.RowVersion = Guid.NewGuid();
    }

    private void Close(UserTaskRow task, string state)
    {
        task.State = state;
        task.EndedAt = clock.GetUtcNow().UtcDateTime;
        task.RowVersion = Guid.NewGuid();
    }

    private static HistoryRow History(InstanceRow instance, long key, string elementId, string type, string ev, DateTimeOffset at) =>
        new() { InstanceId = instance.Id, ElementInstanceKey = key, ElementId = elementId, ElementType = type, Event = ev, At = at.UtcDateTime };

    private static UserTaskRow Task(InstanceRow instance, UserTaskCreated e, DateTime now) => new()
    {
        Tenant = instance.Tenant,
        InstanceId = instance.Id,
        ElementInstanceKey = e.ElementInstanceKey,
        ElementId = e.ElementId,
        Name = e.Name,
        FormKey = e.FormKey,
        FormId = e.FormId,
        Assignee = e.Assignee,
        CandidateGroups = Joined(e.CandidateGroups),
        CandidateUsers = Joined(e.CandidateUsers),
        DueDate = e.DueDate?.UtcDateTime,
        CreatedAt = now,
        RowVersion = Guid.NewGuid(),
    };

    public static string Joined(IEnumerable<string> values) => "|" + string.Concat(values.Select(v => v + "|"));

    public static string[] Split(string joined) => joined.Split('|', StringSplitOptions.RemoveEmptyEntries);
}

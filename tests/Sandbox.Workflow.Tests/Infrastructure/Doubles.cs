using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Workflow.EServices;
using Sandbox.Workflow.Runtime;

namespace Sandbox.Workflow.Tests.Infrastructure;

/// <summary>An event the app published; <paramref name="Order"/> counts publications across all apps of the test run.</summary>
public sealed record PublishedEvent(string Topic, JsonObject Payload, long Order = 0);

/// <summary>Records what the outbox publisher sends; can refuse to show that nothing is lost.</summary>
public sealed class RecordingPublisher : IEventPublisher
{
    private static long order;
    private readonly ConcurrentQueue<PublishedEvent> published = new();

    /// <summary>Refuses every event whose payload this returns true for.</summary>
    public Func<string, JsonObject, bool> Refuse { get; set; } = (_, _) => false;

    public IReadOnlyList<PublishedEvent> Published => [.. published];

    public Task PublishAsync(string topic, JsonElement payload, CancellationToken ct)
    {
        var node = JsonNode.Parse(payload.GetRawText())!.AsObject();
        if (Refuse(topic, node)) throw new InvalidOperationException("pubsub refused the event");
        published.Enqueue(new(topic, node, Interlocked.Increment(ref order)));
        return Task.CompletedTask;
    }

    /// <summary>The events on <paramref name="topic"/> that match, once at least <paramref name="count"/> are there.</summary>
    public async Task<List<PublishedEvent>> WaitForAsync(string topic, Func<JsonObject, bool> match, int count = 1)
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var found = Published.Where(e => e.Topic == topic && match(e.Payload)).ToList();
            if (found.Count >= count) return found;
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
        return Published.Where(e => e.Topic == topic && match(e.Payload)).ToList();
    }
}

/// <summary>An e-service catalog the tests fill in.</summary>
public sealed class TestCatalog : IEServiceCatalog
{
    public ConcurrentDictionary<(string Tenant, string FormId), EServiceStart> Starts { get; } = new();

    public ConcurrentDictionary<(string Tenant, string JobType), JobRoute> Routes { get; } = new();

    public Task<EServiceStart?> FindStartAsync(string tenantId, string formId, CancellationToken ct) =>
        Task.FromResult(Starts.GetValueOrDefault((tenantId, formId)));

    public Task<JobRoute?> FindJobRouteAsync(string tenantId, string bpmnProcessId, string jobType, CancellationToken ct) =>
        Task.FromResult(Routes.GetValueOrDefault((tenantId, jobType)));
}

/// <summary>Stands in for the apps push-mode jobs are sent to: answers with what <see cref="Answer"/> returns.</summary>
public sealed class ScriptedJobInvoker : IJobInvoker
{
    private readonly ConcurrentQueue<(string AppId, string Method, PushedJob Job)> calls = new();

    public Func<PushedJob, JobAnswer> Answer { get; set; } = _ => new JobAnswer.Completed(null);

    public IReadOnlyList<(string AppId, string Method, PushedJob Job)> Calls => [.. calls];

    /// <summary>When true the app never answers: as if its answer were lost on the way back.</summary>
    public bool Hang { get; set; }

    public async Task<JobAnswer> InvokeAsync(string appId, string method, PushedJob job, CancellationToken ct)
    {
        calls.Enqueue((appId, method, job));
        if (Hang) await Task.Delay(Timeout.Infinite, ct);
        return Answer(job);
    }
}

/// <summary>Stands in for the forms service: each form id maps to the errors its validation gives.</summary>
public sealed class TestFormValidator : IFormValidator
{
    public ConcurrentDictionary<string, Func<JsonObject, Dictionary<string, string[]>>> Forms { get; } = new();

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public Task<FormVerdict> ValidateAsync(string formId, JsonObject data, string? authorization, string? language, CancellationToken ct)
    {
        Authorizations.Enqueue(authorization);
        return Task.FromResult(Forms.TryGetValue(formId, out var validate)
            ? new FormVerdict(true, validate(data))
            : new FormVerdict(false, new Dictionary<string, string[]>()));
    }
}

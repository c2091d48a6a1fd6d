using System.Collections.Concurrent;
using Sandbox.Workflow.EServices;
using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.EServices;

/// <summary>The forms and notifications services as the package publisher sees them: records what it was sent.</summary>
public sealed class RecordingTargets : IPackageTargets
{
    public ConcurrentQueue<(FormPart Form, string Authorization)> Forms { get; } = new();
    public ConcurrentQueue<(TemplatePart Template, string Authorization)> Templates { get; } = new();

    /// <summary>When set, a template with this id is answered with this outcome.</summary>
    public ConcurrentDictionary<string, TargetResult> TemplateAnswers { get; } = new();

    public Task<TargetResult> PublishFormAsync(FormPart form, string authorization, CancellationToken ct)
    {
        Forms.Enqueue((form, authorization));
        return Task.FromResult(TargetResult.Ok);
    }

    public Task<TargetResult> PutTemplateAsync(TemplatePart template, string authorization, CancellationToken ct)
    {
        Templates.Enqueue((template, authorization));
        return Task.FromResult(TemplateAnswers.TryGetValue(template.Id, out var answer) ? answer : TargetResult.Ok);
    }
}

/// <summary>The workflow app with the real e-service catalog, on SQLite.</summary>
public sealed class SqliteEServicesFixture() : SqliteAppFixture(realCatalog: true);

/// <summary>The workflow app with the real e-service catalog, on PostgreSQL.</summary>
public sealed class PostgresEServicesFixture() : PostgresAppFixture(realCatalog: true);

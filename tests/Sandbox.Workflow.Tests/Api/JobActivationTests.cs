using Sandbox.Workflow.Tests.Infrastructure;

namespace Sandbox.Workflow.Tests.Api;

/// <summary>Workers asking for jobs at the same time: each job goes to one of them, and every job is handed out.</summary>
public abstract class JobActivationTests(IWorkflowFixture fixture)
{
    private const int Jobs = 24;
    private WorkflowApp App => fixture.App;

    [Fact]
    public async Task ConcurrentActivations_HandOutEachJobOnce()
    {
        var tenant = new TestTenant(App);
        await tenant.DeployAsync(Models.JobThenTask("parallel", "parallel-check"));
        for (var i = 0; i < Jobs; i++) await tenant.StartAsync("parallel");

        var handedOut = new List<long>();
        for (var round = 0; round < 10 && handedOut.Count < Jobs; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => tenant.ActivateAsync("parallel-check", maxJobs: 5)));
            handedOut.AddRange(answers.SelectMany(jobs => jobs).Select(job => job.Long("key")));
        }

        Assert.Equal(Jobs, handedOut.Count);
        Assert.Equal(Jobs, handedOut.Distinct().Count());
        Assert.Empty(await tenant.ActivateAsync("parallel-check"));
    }
}

public sealed class SqliteJobActivationTests(SqliteWorkflowFixture fixture) : JobActivationTests(fixture), IClassFixture<SqliteWorkflowFixture>;

public sealed class PostgresJobActivationTests(PostgresWorkflowFixture fixture) : JobActivationTests(fixture), IClassFixture<PostgresWorkflowFixture>;

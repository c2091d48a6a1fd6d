using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sandbox.Plugins.DistanceCheck;

/// <summary>Traces and metrics of the plugin (<c>Sandbox.Plugins.DistanceCheck</c>).</summary>
public sealed class DistanceTelemetry
{
    public const string Name = "Sandbox.Plugins.DistanceCheck";
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> checks;

    public DistanceTelemetry(IMeterFactory meters) =>
        checks = meters.Create(Name).CreateCounter<long>("sandbox.plugins.distance_checks", description: "Distance checks answered, by outcome");

    /// <summary>A span for one job.</summary>
    public static Activity? StartJobActivity(JobRequest job) =>
        Source.StartActivity("distance-check job")
            ?.SetTag("sandbox.job.key", job.Key)
            .SetTag("sandbox.workflow.instance", job.ProcessInstanceId)
            .SetTag("sandbox.tenant", job.TenantId);

    public void Answered(string outcome) => checks.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}

namespace Sandbox.Workflow.Hosting;

/// <summary>Settings under <c>Sandbox:Workflow</c>, plus <c>SANDBOX_DATA</c>.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Sandbox:Workflow";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>; the connection string is <c>ConnectionStrings:workflow</c>.</summary>
    public string Database { get; set; } = "sqlite";

    /// <summary>Where the SQLite database lives.</summary>
    public string DataPath { get; set; } = "";

    /// <summary>Most jobs one activation may lock.</summary>
    public int MaxJobsPerActivation { get; set; } = 100;

    /// <summary>Whether <c>/api/workflow/sandbox/clock</c> may move the service's time forward (sandbox mode).</summary>
    public bool SandboxClock { get; set; }

    /// <summary>How often the timer schedule is read for due timers.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

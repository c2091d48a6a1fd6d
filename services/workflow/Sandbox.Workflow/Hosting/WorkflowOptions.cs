namespace Sandbox.Workflow.Hosting;

/// <summary>Settings under <c>Sandbox:Workflow</c>, plus <c>SANDBOX_DATA</c>.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Sandbox:Workflow";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>; the connection string is <c>ConnectionStrings:workflow</c>.</summary>
    public string Database { get; set; } = "sqlite";

    /// <summary>Where the SQLite database lives.</summary>
    public string DataPath { get; set; } = "";

    /// <summary>
    /// SQLite's <c>synchronous</c> level: <c>normal</c> (default; with write-ahead logging a commit survives a crash
    /// of the service, an operating-system crash or power loss may lose the last commits) or <c>full</c> (the log is
    /// flushed to disk at every commit, which bounds the steps per second by the disk's flush time).
    /// </summary>
    public string SqliteSynchronous { get; set; } = "normal";

    /// <summary>Most jobs one activation may lock.</summary>
    public int MaxJobsPerActivation { get; set; } = 100;

    /// <summary>Whether <c>/api/workflow/sandbox/clock</c> may move the service's time forward (sandbox mode).</summary>
    public bool SandboxClock { get; set; }

    /// <summary>How often the timer schedule is read for due timers.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the outbox is read when no step woke the publisher.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a replica holds the due timers and outbox events it claimed; if it stops meanwhile, another
    /// replica takes them over once this has passed. Longer than a batch takes, short enough to recover soon.
    /// </summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often push-mode jobs are looked for when no step woke the dispatcher.</summary>
    public TimeSpan JobPushPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a pushed job stays locked to the replica that pushed it; with no answer by then it is pushed again.</summary>
    public TimeSpan JobPushLockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait before a failed push-mode job is pushed again, doubled as its retries run down.</summary>
    public TimeSpan JobPushBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many jobs one replica pushes at the same time.</summary>
    public int JobPushParallelism { get; set; } = 8;

    /// <summary>How often results of called instances are looked for when no step woke their poller.</summary>
    public TimeSpan CallResultPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a replica reads the sandbox clock's offset that another replica may have moved.</summary>
    public TimeSpan ClockRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The Dapr app id of the forms service, which validates task data against the task's form.</summary>
    public string FormsAppId { get; set; } = "forms";
}

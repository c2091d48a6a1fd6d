namespace Sandbox.Forms.Hosting;

/// <summary>Settings under <c>Sandbox:Forms</c>, plus <c>SANDBOX_DATA</c> for the SQLite folder.</summary>
public sealed class FormsOptions
{
    public const string Section = "Sandbox:Forms";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c> (with <c>ConnectionStrings:forms</c>).</summary>
    public string Database { get; set; } = "sqlite";

    /// <summary>The first part of a submission reference: <c>SKS-2026-000123</c>.</summary>
    public string ReferencePrefix { get; set; } = "SKS";

    /// <summary>How often the outbox is read when nothing signals new events.</summary>
    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest form schema accepted, in bytes.</summary>
    public int MaxSchemaBytes { get; set; } = 1_048_576;

    /// <summary>The largest submitted data accepted, in bytes.</summary>
    public int MaxDataBytes { get; set; } = 1_048_576;

    /// <summary>The Dapr state store that keeps drafts.</summary>
    public string StateStore { get; set; } = "statestore";

    /// <summary>How long a draft is kept after its last save.</summary>
    public TimeSpan DraftTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often expired drafts are counted as abandoned and their files removed.</summary>
    public TimeSpan DraftSweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The Dapr output binding that stores attachments (create, get, delete by <c>fileName</c>).</summary>
    public string AttachmentsBinding { get; set; } = "attachments";

    /// <summary>
    /// The largest attachment accepted, in bytes. Dapr's default request limit is 4 MiB, so the default stays below it.
    /// </summary>
    public int MaxAttachmentBytes { get; set; } = 3 * 1024 * 1024;

    /// <summary>How many files one draft may hold.</summary>
    public int MaxAttachmentsPerDraft { get; set; } = 20;

    /// <summary>The virus scanner: <c>VirusScanner:Clamd:Host</c> (and <c>Port</c>, <c>Timeout</c>) for a ClamAV daemon.</summary>
    public VirusScannerOptions VirusScanner { get; set; } = new();

    /// <summary>The folder of the SQLite database.</summary>
    public string DataPath { get; set; } = "";
}

/// <summary>Settings under <c>Sandbox:Forms:VirusScanner</c>.</summary>
public sealed class VirusScannerOptions
{
    /// <summary>A ClamAV daemon to scan uploads with; scanning is off while its host is empty.</summary>
    public Attachments.ClamdOptions Clamd { get; set; } = new();
}

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

    /// <summary>The folder of the SQLite database.</summary>
    public string DataPath { get; set; } = "";
}

using Microsoft.EntityFrameworkCore;
using Sandbox.Data;
using Sandbox.Workflow.EServices;

namespace Sandbox.Workflow.Data;

/// <summary>
/// The workflow service's store: definitions, instances and what their steps created. Services inject this type;
/// the registered instance is <see cref="SqliteWorkflowDb"/> or <see cref="PostgresWorkflowDb"/>, which own the migrations.
/// </summary>
public class WorkflowDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<ProcessDefinitionRow> Definitions => Set<ProcessDefinitionRow>();
    public DbSet<InstanceRow> Instances => Set<InstanceRow>();
    public DbSet<UserTaskRow> UserTasks => Set<UserTaskRow>();
    public DbSet<JobRow> Jobs => Set<JobRow>();
    public DbSet<TimerRow> Timers => Set<TimerRow>();
    public DbSet<HistoryRow> History => Set<HistoryRow>();
    public DbSet<MessageSubscriptionRow> MessageSubscriptions => Set<MessageSubscriptionRow>();
    public DbSet<MessageRow> Messages => Set<MessageRow>();
    public DbSet<MessageDeliveryRow> MessageDeliveries => Set<MessageDeliveryRow>();
    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();
    public DbSet<EServiceRow> EServices => Set<EServiceRow>();
    public DbSet<CallResultRow> CallResults => Set<CallResultRow>();
    public DbSet<SandboxClockRow> SandboxClock => Set<SandboxClockRow>();

    // SQLite lets one connection write at a time and makes the others poll with growing sleeps; queueing the
    // writers of this process hands the database over at once. One gate per database file (none on PostgreSQL).
    private SqliteWriteGate? gate;

    private SqliteWriteGate Gate => gate ??= SqliteWriteGate.For(Database);

    /// <summary>
    /// Runs a write that is not a <c>SaveChanges</c> (an <c>ExecuteUpdate</c>, <c>ExecuteDelete</c>) as one of the
    /// writers SQLite queues; on PostgreSQL it just runs it. The write must not save anything else itself.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        using (await Gate.EnterAsync(ct)) return await write();
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        WriteAsync(() => SaveWithHistoryAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);

    // A step enters and leaves several elements: on SQLite its history rows go in as one multi-row INSERT in the same
    // transaction as the rest, instead of one INSERT each. Nothing reads a history row's id after saving it.
    private async Task<int> SaveWithHistoryAsync(bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var history = History.Local.Where(h => Entry(h).State == EntityState.Added).ToList();
        // On PostgreSQL EF sends the whole step in one round trip already; a separate INSERT would add one (measured: no gain).
        if (history.Count < 2 || !Gate.Serializes) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        foreach (var row in history) Entry(row).State = EntityState.Detached;
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        foreach (var chunk in history.Chunk(100))
        {
            var values = string.Join(", ", chunk.Select((_, i) => $"({{{i * 6}}}, {{{i * 6 + 1}}}, {{{i * 6 + 2}}}, {{{i * 6 + 3}}}, {{{i * 6 + 4}}}, {{{i * 6 + 5}}})"));
            var parameters = chunk.SelectMany(h => new object[] { h.InstanceId, h.ElementInstanceKey, h.ElementId, h.ElementType, h.Event, h.At }).ToArray();
            // Only placeholders go into the text; the values are parameters.
            var sql = "INSERT INTO \"History\" (\"InstanceId\", \"ElementInstanceKey\", \"ElementId\", \"ElementType\", \"Event\", \"At\") VALUES " + values;
            await Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
        if (transaction is not null) await transaction.CommitAsync(ct);
        return saved + history.Count;
    }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using (Gate.Enter()) return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ProcessDefinitionRow>().HasIndex(d => new { d.Tenant, d.BpmnProcessId, d.Version }).IsUnique();
        model.Entity<InstanceRow>().HasIndex(i => new { i.Tenant, i.Status });
        model.Entity<InstanceRow>().HasIndex(i => new { i.Tenant, i.Subject });
        model.Entity<InstanceRow>().HasIndex(i => i.DefinitionId);
        // A redelivered submission-received event finds its instance instead of starting another (NULLs are distinct).
        // Called instances carry their root's submission id, so only instances without a parent are unique by it.
        model.Entity<InstanceRow>().HasIndex(i => new { i.Tenant, i.SubmissionId }).IsUnique().HasFilter("\"ParentInstanceId\" IS NULL");
        model.Entity<InstanceRow>().HasIndex(i => new { i.ParentInstanceId, i.ParentElementInstanceKey });
        model.Entity<CallResultRow>().HasIndex(c => new { c.State, c.LeaseUntil });
        model.Entity<CallResultRow>().HasIndex(c => c.LeaseOwner);
        model.Entity<SandboxClockRow>().Property(c => c.Id).ValueGeneratedNever();
        model.Entity<SandboxClockRow>().HasData(new SandboxClockRow { Id = SandboxClockRow.ServiceWide });
        model.Entity<UserTaskRow>().HasIndex(t => new { t.Tenant, t.State });
        model.Entity<UserTaskRow>().HasIndex(t => new { t.InstanceId, t.ElementInstanceKey });
        model.Entity<JobRow>().HasIndex(j => new { j.Tenant, j.Type, j.State });
        model.Entity<JobRow>().HasIndex(j => new { j.InstanceId, j.ElementInstanceKey });
        model.Entity<TimerRow>().HasIndex(t => new { t.State, t.DueAt });
        model.Entity<JobRow>().HasIndex(j => new { j.State, j.PushApp });
        model.Entity<OutboxRow>().HasIndex(o => new { o.PublishedAt, o.NextAttemptAt });
        model.Entity<OutboxRow>().HasIndex(o => o.LeaseOwner);
        // The publisher's "no earlier unsent event of the same instance" check. Not unique: the instance's row version
        // already keeps two steps from both numbering their events, and a concurrent step must fail on that (and retry).
        model.Entity<OutboxRow>().HasIndex(o => new { o.InstanceId, o.Sequence });
        model.Entity<OutboxRow>().HasOne(o => o.Task).WithMany().HasForeignKey(o => o.TaskId).OnDelete(DeleteBehavior.Restrict);
        model.Entity<TimerRow>().HasIndex(t => t.LeaseOwner);
        model.Entity<TimerRow>().HasIndex(t => new { t.InstanceId, t.SubscriptionKey });
        model.Entity<HistoryRow>().HasIndex(h => h.InstanceId);
        model.Entity<MessageSubscriptionRow>().HasIndex(m => new { m.Tenant, m.MessageName, m.CorrelationKey, m.State });
        model.Entity<MessageSubscriptionRow>().HasIndex(m => new { m.InstanceId, m.SubscriptionKey });
        model.Entity<MessageRow>().HasIndex(m => new { m.Tenant, m.Name, m.CorrelationKey });
        model.Entity<MessageRow>().HasIndex(m => m.ExpiresAt);
        model.Entity<MessageDeliveryRow>().HasIndex(d => new { d.MessageId, d.InstanceId }).IsUnique();
    }
}

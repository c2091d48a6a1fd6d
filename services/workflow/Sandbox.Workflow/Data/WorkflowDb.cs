using Microsoft.EntityFrameworkCore;
using Sandbox.Workflow.EServices;

namespace Sandbox.Workflow.Data;

/// <summary>The workflow service's store: definitions, instances and what their steps created.</summary>
public sealed class WorkflowDb(DbContextOptions<WorkflowDb> options) : DbContext(options)
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

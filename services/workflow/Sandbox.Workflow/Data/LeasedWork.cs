namespace Sandbox.Workflow.Data;

/// <summary>A row of background work that is claimed under a lease before it is done (see <see cref="Runtime.Leases"/>).</summary>
public interface ILeasedWork
{
    /// <summary>The row's id.</summary>
    long Id { get; }

    /// <summary>One of <see cref="WorkState"/>; only open rows are claimed.</summary>
    string State { get; }

    /// <summary>The token of the claim that holds it.</summary>
    string? LeaseOwner { get; set; }

    /// <summary>When the claim lapses.</summary>
    DateTime? LeaseUntil { get; set; }
}

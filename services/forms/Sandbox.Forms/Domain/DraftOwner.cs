namespace Sandbox.Forms.Domain;

/// <summary>Whose draft: one per citizen, tenant and form.</summary>
public sealed record DraftOwner(string TenantId, string Subject, string FormId)
{
    /// <summary>The state store key; each part escaped so that no part can reach into another's.</summary>
    public string StateKey =>
        $"forms-draft:{Uri.EscapeDataString(TenantId)}:{Uri.EscapeDataString(Subject)}:{Uri.EscapeDataString(FormId)}";
}

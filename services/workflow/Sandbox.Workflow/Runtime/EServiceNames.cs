namespace Sandbox.Workflow.Runtime;

/// <summary>
/// The names of an e-service version by language (sv, nb, fi, en), shown to citizens in their list of cases.
/// The e-service catalog supplies them; without it a case is named after its BPMN process.
/// </summary>
public interface IEServiceNames
{
    /// <summary>The names of <paramref name="eserviceId"/> version <paramref name="version"/> in the tenant, or null when unknown.</summary>
    Task<IReadOnlyDictionary<string, string>?> FindNamesAsync(string tenantId, string eserviceId, int version, CancellationToken ct);
}

internal sealed class NoEServiceNames : IEServiceNames
{
    public Task<IReadOnlyDictionary<string, string>?> FindNamesAsync(string tenantId, string eserviceId, int version, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(null);
}

namespace Sandbox.Workflow.EServices;

/// <summary>The outcome of deploying one part to the service that owns it.</summary>
/// <param name="Succeeded">True when the service took the part.</param>
/// <param name="Rejected">True when the service refused the content itself (a 4xx about the part): the package is at fault.</param>
/// <param name="Detail">What the service said, for the caller.</param>
public sealed record TargetResult(bool Succeeded, bool Rejected, string? Detail)
{
    /// <summary>The part was taken.</summary>
    public static TargetResult Ok { get; } = new(true, false, null);
}

/// <summary>
/// Where the forms and templates of a package go. The default sends them through Dapr service invocation to the
/// forms and notifications services with the caller's own token; tests replace it.
/// </summary>
public interface IPackageTargets
{
    /// <summary>Publishes a form (<c>{schema, translations}</c>) in the caller's tenant.</summary>
    Task<TargetResult> PublishFormAsync(FormPart form, string authorization, CancellationToken ct);

    /// <summary>Creates or updates a notification template in the caller's tenant.</summary>
    Task<TargetResult> PutTemplateAsync(TemplatePart template, string authorization, CancellationToken ct);
}

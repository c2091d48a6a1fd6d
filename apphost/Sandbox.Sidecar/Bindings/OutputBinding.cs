namespace Sandbox.Sidecar.Bindings;

/// <summary>What an output binding answered.</summary>
public sealed record BindingResult(byte[] Data, IReadOnlyDictionary<string, string> Metadata)
{
    public static BindingResult Empty(IReadOnlyDictionary<string, string>? metadata = null) => new([], metadata ?? new Dictionary<string, string>());
}

/// <summary>An output binding component.</summary>
public interface IOutputBinding
{
    IReadOnlyList<string> Operations { get; }

    Task<BindingResult> InvokeAsync(string operation, byte[] data, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellation);
}

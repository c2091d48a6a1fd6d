namespace Sandbox.Testing;

/// <summary>How <see cref="SidecarProcess"/> starts the Sandbox.Sidecar stand-in for one app.</summary>
public sealed record SidecarOptions
{
    /// <summary>The app id the sidecar serves (<c>--app id:appPort:http:grpc</c>).</summary>
    public required string App { get; init; }

    /// <summary>The app's port, for deliveries and invocations; 0 when the sidecar never calls the app.</summary>
    public int AppPort { get; init; }

    /// <summary>The component YAML written to the resources folder, given the sidecar's own folder (for local paths).</summary>
    public required Func<string, string> Components { get; init; }

    /// <summary>The token clients send to the sidecar (<c>DAPR_API_TOKEN</c>).</summary>
    public string DaprToken { get; init; } = SidecarProcess.DaprToken;

    /// <summary>The token the sidecar sends to the app (<c>APP_API_TOKEN</c>); null sets none.</summary>
    public string? AppToken { get; init; } = SidecarProcess.AppToken;

    /// <summary>Switches the sidecar's test clock on (<c>SANDBOX_SIDECAR_TEST_CLOCK=1</c>), for <see cref="SidecarProcess.AdvanceClockAsync"/>.</summary>
    public bool TestClock { get; init; }

    /// <summary>Called with every line the sidecar writes to stderr (besides keeping it in <see cref="SidecarProcess.Output"/>).</summary>
    public Action<string>? OnError { get; init; }
}

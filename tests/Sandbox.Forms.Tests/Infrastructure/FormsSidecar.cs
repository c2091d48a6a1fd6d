using Sandbox.Testing;

namespace Sandbox.Forms.Tests.Infrastructure;

/// <summary>
/// The real Sandbox.Sidecar for app <c>forms</c>: the state store, an <c>attachments</c> binding on local storage,
/// in-memory pub/sub, and its test clock switched on.
/// </summary>
public static class FormsSidecar
{
    /// <summary>Starts the sidecar.</summary>
    public static Task<SidecarProcess> StartAsync() => SidecarProcess.StartAsync(new SidecarOptions
    {
        App = "forms",
        Components = Components,
        AppToken = null,
        TestClock = true,
    });

    extension(SidecarProcess sidecar)
    {
        /// <summary>The folder of the <c>attachments</c> binding.</summary>
        public string AttachmentsPath => Path.Combine(sidecar.Folder, "attachments");
    }

    private static string Components(string folder) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: statestore
        spec:
          type: state.sqlite
          version: v1
          metadata:
            - name: connectionString
              value: "state.db"
        ---
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: pubsub
        spec:
          type: pubsub.in-memory
          version: v1
        ---
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: attachments
        spec:
          type: bindings.localstorage
          version: v1
          metadata:
            - name: rootPath
              value: "{Path.Combine(folder, "attachments")}"
        """;
}

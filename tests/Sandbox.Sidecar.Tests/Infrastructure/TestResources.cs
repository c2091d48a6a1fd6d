namespace Sandbox.Sidecar.Tests.Infrastructure;

/// <summary>Component YAML the tests write into their resources folder.</summary>
public static class TestResources
{
    public const string StateStore = """
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
        """;

    public const string PubSub = """
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: pubsub
        spec:
          type: pubsub.in-memory
          version: v1
        """;

    /// <summary>Quick retries so retry-then-dead-letter runs in a moment: 3 attempts in all.</summary>
    public const string QuickRetries = """
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: quick
        spec:
          policies:
            retries:
              quick:
                policy: constant
                duration: 10ms
                maxRetries: 2
          targets:
            components:
              pubsub:
                inbound:
                  retries: quick
        """;

    public static TempFolder Folder(params string[] documents)
    {
        var folder = new TempFolder();
        for (var i = 0; i < documents.Length; i++) folder.Write($"resource{i}.yaml", documents[i]);
        return folder;
    }
}

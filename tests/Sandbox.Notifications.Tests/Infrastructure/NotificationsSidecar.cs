using Sandbox.Testing;

namespace Sandbox.Notifications.Tests.Infrastructure;

/// <summary>
/// The real Sandbox.Sidecar for the app <c>notifications</c> with the components the service uses: <c>email</c>
/// (bindings.smtp to the given SMTP port), <c>sms</c> (bindings.localstorage) and <c>pubsub</c>.
/// </summary>
public static class NotificationsSidecar
{
    /// <summary>Starts the sidecar, delivering to the app on <paramref name="appPort"/>.</summary>
    public static Task<SidecarProcess> StartAsync(int appPort, int smtpPort) => SidecarProcess.StartAsync(new SidecarOptions
    {
        App = "notifications",
        AppPort = appPort,
        Components = folder => Components(folder, smtpPort),
    });

    extension(SidecarProcess sidecar)
    {
        /// <summary>The folder of the <c>sms</c> binding.</summary>
        public string SmsFolder => Path.Combine(sidecar.Folder, "sms");
    }

    private static string Components(string folder, int smtpPort) => $$"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: email
        spec:
          type: bindings.smtp
          version: v1
          metadata:
            - name: host
              value: "127.0.0.1"
            - name: port
              value: "{{smtpPort}}"
            - name: emailFrom
              value: "no-reply@sandbox.test"
        ---
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: sms
        spec:
          type: bindings.localstorage
          version: v1
          metadata:
            - name: rootPath
              value: "{{Path.Combine(folder, "sms")}}"
        ---
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: pubsub
        spec:
          type: pubsub.in-memory
          version: v1
        """;
}

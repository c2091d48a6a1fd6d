using System.Text.RegularExpressions;

namespace Sandbox.AppHost;

/// <summary>
/// The Dapr components of <c>deploy/dapr/local</c> as this start needs them: copied into the data folder
/// with the folders they write to (<c>.sandbox-data/…</c>) moved under <c>SANDBOX_DATA</c>, and the
/// <c>email</c> binding pointed at the notification service's SMTP sink on the port chosen for this start.
/// The files in <c>deploy/dapr/local</c> stay usable as they are with a daprd started by hand.
/// </summary>
internal static partial class LocalComponents
{
    public static string Render(string sourceFolder, string dataDir, int smtpPort)
    {
        var target = Path.Combine(dataDir, "dapr-components");
        Directory.CreateDirectory(target);
        foreach (var stale in Directory.EnumerateFiles(target))
        {
            File.Delete(stale);
        }
        foreach (var file in Directory.EnumerateFiles(sourceFolder))
        {
            var text = File.ReadAllText(file);
            if (file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            {
                text = Rewrite(text, dataDir, smtpPort);
            }
            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), text);
        }
        return target;
    }

    /// <summary>Moves <c>.sandbox-data/</c> paths under <paramref name="dataDir"/>; sets an smtp binding's port.</summary>
    public static string Rewrite(string yaml, string dataDir, int smtpPort)
    {
        var data = dataDir.Replace('\\', '/').TrimEnd('/') + "/";
        yaml = yaml.Replace("\".sandbox-data/", "\"" + data, StringComparison.Ordinal);
        return yaml.Contains("type: bindings.smtp", StringComparison.Ordinal)
            ? SmtpPort().Replace(yaml, "${name}\"" + smtpPort + "\"")
            : yaml;
    }

    [GeneratedRegex(@"(?<name>- name: port\s*\n\s*value: )""\d+""")]
    private static partial Regex SmtpPort();
}

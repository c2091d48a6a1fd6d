namespace Sandbox.Sidecar.Hosting;

/// <summary>One app served by this sidecar process: its id, the port it listens on, and the two Dapr API ports it uses.</summary>
public sealed record AppEndpoint(string Id, int AppPort, int HttpPort, int GrpcPort)
{
    public Uri AppBase(string channelAddress) => new($"http://{channelAddress}:{AppPort}/");
}

/// <summary>
/// The command line: <c>--resources-path DIR [--data DIR] --app ID:APP_PORT:HTTP_PORT:GRPC_PORT [--app ...]</c>,
/// or daprd's single-app flags (<c>--app-id --app-port --dapr-http-port --dapr-grpc-port</c>).
/// </summary>
public sealed record SidecarOptions(
    string ResourcesPath,
    string DataPath,
    IReadOnlyList<AppEndpoint> Apps,
    string ChannelAddress,
    string? ApiToken,
    string? AppApiToken)
{
    public const string Usage =
        "usage: Sandbox.Sidecar --resources-path DIR [--data DIR] --app ID:APP_PORT:HTTP_PORT:GRPC_PORT [--app ...]\n" +
        "   or: Sandbox.Sidecar --app-id ID [--app-port N] [--dapr-http-port N] [--dapr-grpc-port N] --resources-path DIR [--data DIR]";

    public static SidecarOptions Parse(IReadOnlyList<string> args, Func<string, string?> env)
    {
        var values = new Dictionary<string, string>();
        var apps = new List<AppEndpoint>();
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inline) = Split(args[i]);
            var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{flag} needs a value"));
            switch (flag)
            {
                case "--app": apps.Add(ParseApp(value)); break;
                case "--resources-path" or "--components-path" or "--data" or "--app-id" or "--app-port"
                    or "--dapr-http-port" or "--dapr-grpc-port" or "--app-channel-address":
                    values[flag] = value; break;
                case "--app-protocol" when value != "http":
                    throw new ArgumentException("only --app-protocol http is supported");
                case "--app-protocol": break;
                default: throw new ArgumentException($"unknown flag {flag}");
            }
        }
        if (values.TryGetValue("--app-id", out var appId))
        {
            if (apps.Count > 0) throw new ArgumentException("use either --app or --app-id, not both");
            apps.Add(new AppEndpoint(appId, Port(values, "--app-port", 0), Port(values, "--dapr-http-port", 3500), Port(values, "--dapr-grpc-port", 50001)));
        }
        if (apps.Count == 0) throw new ArgumentException("no app given (--app or --app-id)");
        var resources = values.GetValueOrDefault("--resources-path") ?? values.GetValueOrDefault("--components-path")
            ?? throw new ArgumentException("--resources-path is required");
        var data = values.GetValueOrDefault("--data") ?? env("SANDBOX_DATA") ?? ".sandbox-data";
        CheckUnique(apps);
        return new SidecarOptions(Path.GetFullPath(resources), Path.GetFullPath(data), apps,
            values.GetValueOrDefault("--app-channel-address") ?? "127.0.0.1",
            Blank(env("DAPR_API_TOKEN")), Blank(env("APP_API_TOKEN")));
    }

    private static (string Flag, string? Inline) Split(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{arg}'");
        var eq = arg.IndexOf('=');
        return eq < 0 ? (arg, null) : (arg[..eq], arg[(eq + 1)..]);
    }

    private static AppEndpoint ParseApp(string value)
    {
        var parts = value.Split(':');
        if (parts.Length != 4 || parts[0].Length == 0)
            throw new ArgumentException($"--app '{value}' must be ID:APP_PORT:HTTP_PORT:GRPC_PORT");
        return new AppEndpoint(parts[0], ToPort(parts[1], value), ToPort(parts[2], value), ToPort(parts[3], value));
    }

    private static int Port(Dictionary<string, string> values, string flag, int fallback) =>
        values.TryGetValue(flag, out var text) ? ToPort(text, flag) : fallback;

    private static int ToPort(string text, string what) =>
        int.TryParse(text, out var port) && port is >= 0 and <= 65535 ? port : throw new ArgumentException($"'{text}' in {what} is not a port");

    private static void CheckUnique(List<AppEndpoint> apps)
    {
        if (apps.GroupBy(a => a.Id).FirstOrDefault(g => g.Count() > 1) is { } dup)
            throw new ArgumentException($"app '{dup.Key}' is given twice");
        var ports = apps.SelectMany(a => new[] { a.HttpPort, a.GrpcPort }).ToList();
        if (ports.Distinct().Count() != ports.Count) throw new ArgumentException("every Dapr HTTP and gRPC port must be different");
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

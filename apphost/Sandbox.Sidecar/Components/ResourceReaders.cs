using YamlDotNet.RepresentationModel;

namespace Sandbox.Sidecar.Components;

/// <summary>Turns one YAML document of a known kind into its resource record.</summary>
internal static class ResourceReaders
{
    public static Component Component(YamlNode doc, string file)
    {
        var name = Name(doc, file);
        var spec = doc.Child("spec") ?? throw new ResourceException(doc.At(file), $"component '{name}' has no spec");
        var type = spec.RequiredText("type", file, $"component '{name}'");
        var metadata = new Dictionary<string, string>();
        var secretRefs = new Dictionary<string, SecretRef>();
        foreach (var item in spec.Child("metadata").Items())
        {
            var key = item.RequiredText("name", file, "a metadata item");
            if (item.Child("secretKeyRef") is { } reference)
                secretRefs[key] = new SecretRef(reference.RequiredText("name", file, "secretKeyRef"), reference.Text("key") ?? reference.Text("name")!);
            else
                metadata[key] = item.Child("value") is YamlScalarNode scalar ? scalar.Value ?? "" : "";
        }
        return new Component(name, type, spec.Text("version") ?? "v1", metadata, doc.Child("scopes").Strings(),
            doc.At(file), secretRefs, doc.Child("auth").Text("secretStore"));
    }

    public static Subscription Subscription(YamlNode doc, string file)
    {
        var name = Name(doc, file);
        var spec = doc.Child("spec") ?? throw new ResourceException(doc.At(file), $"subscription '{name}' has no spec");
        var what = $"subscription '{name}'";
        var routes = spec.Child("routes");
        var rules = routes.Child("rules").Items()
            .Select(rule => new RouteRule(rule.RequiredText("match", file, "a route rule"), rule.RequiredText("path", file, "a route rule")))
            .ToList();
        var defaultPath = routes.Text("default") ?? spec.Text("route") ?? "";
        if (defaultPath.Length == 0 && rules.Count == 0)
            throw new ResourceException(spec.At(file), $"{what} needs 'route' or 'routes'");
        return new Subscription(spec.RequiredText("pubsubname", file, what), spec.RequiredText("topic", file, what), rules, defaultPath,
            spec.Text("deadLetterTopic"), spec.Child("metadata").StringMap(), doc.Child("scopes").Strings(), Declarative: true);
    }

    public static Resiliency Resiliency(YamlNode doc, string file)
    {
        var name = Name(doc, file);
        var spec = doc.Child("spec");
        var retries = new Dictionary<string, RetryPolicy>();
        foreach (var (policyName, policy) in spec.Child("policies").Child("retries").Pairs())
            retries[policyName] = RetryPolicyFrom(policy, file, policyName);
        var inbound = new Dictionary<string, string>();
        foreach (var (component, target) in spec.Child("targets").Child("components").Pairs())
        {
            if (target.Child("inbound").Text("retries") is not { } policyName) continue;
            if (!retries.ContainsKey(policyName))
                throw new ResourceException(target.At(file), $"resiliency '{name}' names unknown retry policy '{policyName}'");
            inbound[component] = policyName;
        }
        return new Resiliency(name, retries, inbound, doc.Child("scopes").Strings());
    }

    public static HttpEndpoint HttpEndpoint(YamlNode doc, string file)
    {
        var name = Name(doc, file);
        var spec = doc.Child("spec") ?? throw new ResourceException(doc.At(file), $"HTTPEndpoint '{name}' has no spec");
        var baseUrl = spec.RequiredText("baseUrl", file, $"HTTPEndpoint '{name}'");
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
            throw new ResourceException(spec.Child("baseUrl")!.At(file), $"HTTPEndpoint '{name}' has an invalid baseUrl '{baseUrl}'");
        var headers = spec.Child("headers").Items().ToDictionary(
            h => h.RequiredText("name", file, "a header"), h => h.Text("value") ?? "");
        return new HttpEndpoint(name, uri, headers, doc.Child("scopes").Strings());
    }

    private static RetryPolicy RetryPolicyFrom(YamlNode policy, string file, string name)
    {
        var kind = policy.Text("policy") ?? "constant";
        if (kind is not ("constant" or "exponential"))
            throw new ResourceException(policy.At(file), $"retry policy '{name}' has unknown policy '{kind}'");
        var maxRetries = int.TryParse(policy.Text("maxRetries"), out var max) ? max : -1;
        return new RetryPolicy(kind == "exponential",
            Duration(policy, kind == "exponential" ? "initialInterval" : "duration", file, TimeSpan.FromMilliseconds(kind == "exponential" ? 500 : 5000)),
            Duration(policy, "maxInterval", file, TimeSpan.FromSeconds(60)), maxRetries);
    }

    private static TimeSpan Duration(YamlNode node, string key, string file, TimeSpan fallback)
    {
        var text = node.Text(key);
        if (text is null) return fallback;
        return GoDuration.TryParse(text, out var value)
            ? value
            : throw new ResourceException(node.Child(key)!.At(file), $"'{key}' is not a duration: '{text}'");
    }

    private static string Name(YamlNode doc, string file) =>
        (doc.Child("metadata") ?? throw new ResourceException(doc.At(file), "resource has no metadata"))
            .RequiredText("name", file, "resource metadata");
}

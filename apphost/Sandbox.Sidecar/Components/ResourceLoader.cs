using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sandbox.Sidecar.Components;

/// <summary>
/// Reads Dapr resource YAML (Component, Subscription, Resiliency, HTTPEndpoint) from a folder.
/// Any file that cannot be read makes the whole load fail with its file and line, as daprd refuses to start.
/// </summary>
public static class ResourceLoader
{
    public static ResourceSet Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new ResourceException(new SourceLocation(directory, 0), "resources path does not exist");
        var components = new List<Component>();
        var subscriptions = new List<Subscription>();
        var resiliencies = new List<Resiliency>();
        var endpoints = new List<HttpEndpoint>();
        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var document in Parse(file))
            {
                var kind = document.Text("kind");
                switch (kind)
                {
                    case "Component": components.Add(ResourceReaders.Component(document, file)); break;
                    case "Subscription": subscriptions.Add(ResourceReaders.Subscription(document, file)); break;
                    case "Resiliency": resiliencies.Add(ResourceReaders.Resiliency(document, file)); break;
                    case "HTTPEndpoint": endpoints.Add(ResourceReaders.HttpEndpoint(document, file)); break;
                    case "Configuration": break; // daprd reads these through --config, not the resources path
                    default: throw new ResourceException(document.At(file), $"unknown resource kind '{kind}'");
                }
            }
        }
        var duplicate = components.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ResourceException(duplicate.Last().Source, $"component '{duplicate.Key}' is declared twice (first at {duplicate.First().Source})");
        return new ResourceSet(components, subscriptions, resiliencies, endpoints);
    }

    private static List<YamlNode> Parse(string file)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(file);
            stream.Load(reader);
        }
        catch (YamlException error)
        {
            throw new ResourceException(new SourceLocation(file, (int)error.Start.Line), error.InnerException?.Message ?? error.Message);
        }
        var documents = new List<YamlNode>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlScalarNode { Value: null or "" }) continue;
            if (document.RootNode is not YamlMappingNode)
                throw new ResourceException(document.RootNode.At(file), "a resource must be a YAML mapping");
            documents.Add(document.RootNode);
        }
        return documents;
    }
}

using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sandbox.Gateway.Tests;

public class ServiceHealthTests
{
    [Fact]
    public void Destinations_ReadsFirstAddressOfEachCluster()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:forms:Destinations:a:Address"] = "http://forms",
            ["ReverseProxy:Clusters:portal:Destinations:main:Address"] = "http://portal:8081",
            ["ReverseProxy:Clusters:empty:LoadBalancingPolicy"] = "RoundRobin",
        }).Build();

        var destinations = ServiceHealth.Destinations(configuration).ToDictionary(d => d.Service, d => d.Address);

        Assert.Equal(2, destinations.Count);
        Assert.Equal(new Uri("http://forms"), destinations["forms"]);
        Assert.Equal(new Uri("http://portal:8081"), destinations["portal"]);
    }

    [Fact]
    public void ToJson_ListsEachServiceWithItsStatus()
    {
        var report = new HealthReport(new Dictionary<string, HealthReportEntry>
        {
            ["forms"] = new(HealthStatus.Healthy, "forms answered 200", TimeSpan.FromMilliseconds(4), null, null),
            ["workflow"] = new(HealthStatus.Unhealthy, "workflow answered 503", TimeSpan.FromMilliseconds(9), null, null),
        }, TimeSpan.FromMilliseconds(10));

        using var json = JsonDocument.Parse(ServiceHealth.ToJson(report));

        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        var services = json.RootElement.GetProperty("services");
        Assert.Equal("Healthy", services.GetProperty("forms").GetProperty("status").GetString());
        Assert.Equal("workflow answered 503", services.GetProperty("workflow").GetProperty("description").GetString());
    }
}

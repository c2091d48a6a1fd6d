using System.Runtime.CompilerServices;
using Xunit.Sdk;
using Xunit.v3;

namespace Sandbox.Sidecar.Tests.Daprd;

/// <summary>
/// A test of the daprd half. When daprd is missing it is skipped with a message; but under
/// <c>SANDBOX_REQUIRE_ALL=1</c>, where no test may skip for a missing prerequisite, it is not part of the run at all.
/// </summary>
[XunitTestCaseDiscoverer(typeof(DaprdFactDiscoverer))]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DaprdFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
    : FactAttribute(sourceFilePath, sourceLineNumber);

/// <summary>Discovers a <see cref="DaprdFactAttribute"/> test as a plain fact, or not at all (see there).</summary>
public sealed class DaprdFactDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _facts = new();

    public ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute) =>
        Environment.GetEnvironmentVariable("SANDBOX_REQUIRE_ALL") == "1" && DaprdSidecar.Find() is null
            ? new ValueTask<IReadOnlyCollection<IXunitTestCase>>([])
            : _facts.Discover(discoveryOptions, testMethod, factAttribute);
}

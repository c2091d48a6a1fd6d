using Xunit;

namespace Sandbox.Testing;

/// <summary>
/// Tests that need something outside .NET (a PostgreSQL server) skip with the reason when it is
/// missing, except when <c>SANDBOX_REQUIRE_ALL=1</c> (CI): then they fail, so nothing is skipped by accident.
/// </summary>
public static class Prerequisite
{
    public const string RequireAllVariable = "SANDBOX_REQUIRE_ALL";

    public static bool RequireAll => Environment.GetEnvironmentVariable(RequireAllVariable) == "1";

    /// <summary>Returns when <paramref name="missing"/> is null; otherwise skips or fails the running test.</summary>
    public static void Require(string? missing)
    {
        if (missing is null) return;
        if (RequireAll) Assert.Fail($"{missing} ({RequireAllVariable}=1 turns this skip into a failure)");
        Assert.Skip(missing);
    }
}

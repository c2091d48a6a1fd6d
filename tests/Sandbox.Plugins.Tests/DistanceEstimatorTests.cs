using Sandbox.Plugins.DistanceCheck;

namespace Sandbox.Plugins.Tests;

public sealed class DistanceEstimatorTests
{
    [Fact]
    public void SamePair_GivesTheSameDistance_WhateverTheCaseAndSpacing()
    {
        Assert.Equal(DistanceEstimator.DistanceKm("Storgata 1, Bergen", "Nordre skole"),
            DistanceEstimator.DistanceKm("  storgata 1,   BERGEN ", "NORDRE  skole"));
    }

    [Fact]
    public void Distances_StayInTheDocumentedRange_AndSpreadOverIt()
    {
        var distances = Enumerable.Range(0, 2000).Select(i => DistanceEstimator.DistanceKm($"Street {i}", "School")).ToList();

        Assert.All(distances, d => Assert.InRange(d, DistanceEstimator.MinKm, DistanceEstimator.MaxKm));
        Assert.All(distances, d => Assert.Equal(d, Math.Round(d, 1)));
        Assert.Contains(distances, d => d < 4);
        Assert.Contains(distances, d => d > 10);
    }

    [Fact]
    public void KnownPair_KeepsItsValue()
    {
        // Pinned so that a change of the formula, which would move every demo's outcome, is noticed.
        Assert.Equal(Pinned, DistanceEstimator.DistanceKm("Storgata 1, 5003 Bergen", "Nordre skole"));
    }

    private const double Pinned = 8.3;
}

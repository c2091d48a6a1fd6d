using System.Security.Cryptography;
using System.Text;

namespace Sandbox.Plugins.DistanceCheck;

/// <summary>
/// A stand-in for a route planner: a synthetic but stable distance between an address and a school.
/// SHA-256 of the normalised "address|school" (trimmed, lower-case, single spaces) is read as a fraction
/// in [0, 1) and spread over 0.5–15.0 km, rounded to 0.1 km. The same pair always gives the same distance,
/// on any machine, so tests and demos can rely on it.
/// </summary>
public static class DistanceEstimator
{
    /// <summary>The shortest distance it gives, in km.</summary>
    public const double MinKm = 0.5;

    /// <summary>The longest distance it gives, in km.</summary>
    public const double MaxKm = 15.0;

    /// <summary>The synthetic distance in km between <paramref name="address"/> and <paramref name="school"/>.</summary>
    public static double DistanceKm(string address, string school)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(address) + "|" + Normalise(school)));
        var fraction = BitConverter.ToUInt64(hash, 0) / (ulong.MaxValue + 1.0);
        return Math.Round(MinKm + (fraction * (MaxKm - MinKm)), 1, MidpointRounding.AwayFromZero);
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

namespace Sandbox.Feel.Temporal;

/// <summary>A time of day with an optional UTC offset or IANA zone.</summary>
internal sealed record FeelTime(TimeOnly Local, TimeSpan? Offset, string? Zone)
{
    /// <summary>Seconds since midnight, shifted to UTC when the time has an offset.</summary>
    public bool HasZone => Offset is not null || Zone is not null;

    public decimal SecondsOfDay
    {
        get
        {
            var seconds = (decimal)Local.Ticks / TimeSpan.TicksPerSecond;
            var offset = EffectiveOffset;
            return offset is null ? seconds : seconds - (decimal)offset.Value.TotalSeconds;
        }
    }

    /// <summary>The offset, or the zone's current standard offset for zoned times.</summary>
    public TimeSpan? EffectiveOffset =>
        Offset ?? (Zone is null ? null : TemporalZones.Find(Zone)?.BaseUtcOffset);
}

/// <summary>A date and time with an optional UTC offset or IANA zone.</summary>
internal sealed record FeelDateTime(DateTime Local, TimeSpan? Offset, string? Zone)
{
    /// <summary>The offset in effect at this local time (zone rules applied), or null for local date-times.</summary>
    public TimeSpan? EffectiveOffset =>
        Offset ?? (Zone is null ? null : TemporalZones.Find(Zone)?.GetUtcOffset(Local));

    /// <summary>Seconds since 0001-01-01, in UTC when the value has zone information.</summary>
    public decimal InstantSeconds
    {
        get
        {
            var ticks = Local.Ticks - (EffectiveOffset?.Ticks ?? 0);
            return (decimal)ticks / TimeSpan.TicksPerSecond;
        }
    }

    public bool HasZone => Offset is not null || Zone is not null;

    public static FeelDateTime FromDate(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), null, null);

    public FeelDateTime WithLocal(DateTime local) => this with { Local = local };

    /// <summary>
    /// Moves by elapsed time. In a named zone that passes through the instant, so adding an hour across
    /// a daylight-saving change lands on the right wall-clock time.
    /// </summary>
    public FeelDateTime AddElapsed(long ticks)
    {
        if (Zone is null || TemporalZones.Find(Zone) is not { } zone) return WithLocal(Local.AddTicks(ticks));
        var utc = DateTime.SpecifyKind(Local - zone.GetUtcOffset(Local), DateTimeKind.Utc).AddTicks(ticks);
        return WithLocal(DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(utc, zone), DateTimeKind.Unspecified));
    }
}

internal static class TemporalZones
{
    public static TimeZoneInfo? Find(string zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info) ? info : null;
}

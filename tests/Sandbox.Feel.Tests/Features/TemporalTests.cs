using Microsoft.Extensions.Time.Testing;

namespace Sandbox.Feel.Tests.Features;

public class TemporalTests
{
    [Theory]
    [InlineData("date(\"2024-01-31\") + duration(\"P1M\")", "\"2024-02-29\"")]
    [InlineData("date(\"2024-03-01\") - date(\"2024-02-01\")", "\"P29D\"")]
    [InlineData("date(\"2024-01-01\") + duration(\"P1DT12H\")", "\"2024-01-02\"")]
    [InlineData("date and time(\"2024-01-01T10:00:00\") + duration(\"PT90M\")", "\"2024-01-01T11:30:00\"")]
    [InlineData("date and time(\"2024-01-01T10:00:00+01:00\") - date and time(\"2024-01-01T08:00:00Z\")", "\"PT1H\"")]
    [InlineData("time(\"23:30:00\") + duration(\"PT1H\")", "\"00:30:00\"")]
    [InlineData("time(\"10:15:30@Europe/Oslo\")", "\"10:15:30@Europe/Oslo\"")]
    [InlineData("time(10, 15, 30, duration(\"PT2H\"))", "\"10:15:30+02:00\"")]
    [InlineData("duration(\"P1Y2M\") + duration(\"P10M\")", "\"P2Y\"")]
    [InlineData("duration(\"PT36H\") * 2", "\"P3D\"")]
    [InlineData("duration(\"P1D\") / duration(\"PT1H\")", "24")]
    [InlineData("-duration(\"P1D\")", "\"-P1D\"")]
    [InlineData("years and months duration(date(\"2020-05-15\"), date(\"2024-05-14\"))", "\"P3Y11M\"")]
    [InlineData("day of week(date(\"2024-05-17\"))", "\"Friday\"")]
    [InlineData("day of year(date(\"2024-12-31\"))", "366")]
    [InlineData("week of year(date(\"2021-01-03\"))", "53")]
    [InlineData("month of year(date(\"2024-05-17\"))", "\"May\"")]
    [InlineData("date and time(date(\"2024-05-17\"), time(\"08:00:00Z\"))", "\"2024-05-17T08:00:00Z\"")]
    [InlineData("@\"2024-05-17\" = date(\"2024-05-17\")", "true")]
    [InlineData("duration(\"PT1H\").minutes", "0")]
    [InlineData("duration(\"P1DT2H3M4.5S\").seconds", "4.5")]
    [InlineData("date and time(\"2024-05-17T08:09:10+02:00\").time offset", "\"PT2H\"")]
    [InlineData("date and time(\"2024-03-31T01:30:00@Europe/Oslo\") + duration(\"PT1H\")", "\"2024-03-31T03:30:00@Europe/Oslo\"")]
    [InlineData("date and time(\"2024-01-01T10:00:00@Europe/Oslo\") = date and time(\"2024-01-01T09:00:00Z\")", "true")]
    [InlineData("date and time(\"2024-01-01T10:00:00\") < date and time(\"2024-01-01T09:00:00Z\")", "false")]
    [InlineData("duration(\"P1M\") > duration(\"P30D\")", "null")]
    [InlineData("date(\"2024-02-30\")", "null")]
    [InlineData("duration(\"P1W\")", "null")]
    [InlineData("date(\"2024-01-01\") + 1", "null")]
    public void TemporalValues_FollowFeelRules(string expression, string expected) =>
        Assert.Equal(expected, Feel.Json(expression));

    [Fact]
    public void Today_And_Now_FollowInjectedClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero));
        var engine = new FeelEngine(new FeelEngineOptions { TimeProvider = clock });

        Assert.Equal("\"2026-03-14\"", engine.Evaluate("today()").ToJsonNode()!.ToJsonString());
        Assert.Equal("\"2026-03-14T09:30:00Z\"", engine.Evaluate("now()").ToJsonNode()!.ToJsonString());

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("\"2026-03-15\"", engine.Evaluate("today()").ToJsonNode()!.ToJsonString());
    }

    [Fact]
    public void Age_ComputedFromBirthDateAndToday_IsYears()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.Zero));
        var engine = new FeelEngine(new FeelEngineOptions { TimeProvider = clock });
        var age = engine.Compile("years and months duration(date(birthDate), today()).years")
            .Evaluate(System.Text.Json.Nodes.JsonNode.Parse("""{"birthDate": "2008-03-15"}""")!.AsObject());
        Assert.Equal(17m, age.AsNumber());
    }
}

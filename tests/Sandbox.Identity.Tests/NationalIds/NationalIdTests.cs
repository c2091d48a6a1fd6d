using Sandbox.Identity.NationalIds;

namespace Sandbox.Identity.Tests.NationalIds;

public class NationalIdTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Theory]
    [InlineData("811228-9874", "198112289874")]      // Skatteverket's example
    [InlineData("8112289874", "198112289874")]
    [InlineData("19121212-1212", "191212121212")]
    [InlineData("121212+1212", "191212121212")]      // '+': born a century before the '-' reading
    [InlineData("640327-3813", "196403273813")]
    public void Personnummer_KnownValid_Normalizes(string input, string expected) =>
        Assert.Equal(expected, SwedishPersonnummer.Normalize(input, Today));

    [Theory]
    [InlineData("811228-9875")]   // wrong Luhn digit
    [InlineData("510101-2384")]   // wrong Luhn digit
    [InlineData("990230-1234")]   // Luhn right, 30 February
    [InlineData("81122898")]      // too short
    [InlineData("81122A-9874")]   // not digits
    [InlineData("")]
    public void Personnummer_KnownInvalid_IsRejected(string input) =>
        Assert.Null(SwedishPersonnummer.Normalize(input, Today));

    [Theory]
    [InlineData("01010750160", 2007)]
    [InlineData("15076500565", 1965)]
    [InlineData("29029600013", 1996)]   // 29 February of a leap year
    [InlineData("17054026641", 1940)]
    [InlineData("31129956715", 1899)]   // individual 500–749 with year 54–99: the 1800s
    public void Fodselsnummer_KnownValid_IsAccepted(string input, int year)
    {
        Assert.Equal(input, NorwegianFodselsnummer.Normalize(input));
        Assert.Equal(year, NorwegianFodselsnummer.BirthDate(input)!.Value.Year);
    }

    [Theory]
    [InlineData("01010750161")]   // K2 wrong
    [InlineData("01010750170")]   // K1 wrong
    [InlineData("30029700083")]   // both check digits right, 30 February
    [InlineData("0101075016")]    // ten digits
    [InlineData("0101075016X")]
    public void Fodselsnummer_KnownInvalid_IsRejected(string input) =>
        Assert.Null(NorwegianFodselsnummer.Normalize(input));

    [Theory]
    [InlineData("131052-308T", 1952)]   // the Digital and Population Data Services Agency's example
    [InlineData("010594Y9032", 1994)]   // new 1900s sign
    [InlineData("020202A0202", 2002)]
    public void Henkilotunnus_KnownValid_IsAccepted(string input, int year)
    {
        Assert.Equal(input, FinnishHenkilotunnus.Normalize(input));
        Assert.Equal(year, FinnishHenkilotunnus.BirthDate(input)!.Value.Year);
    }

    [Theory]
    [InlineData("131052-308U")]   // wrong check character
    [InlineData("310295-1233")]   // check right, 31 February
    [InlineData("131052Q308T")]   // unknown century sign
    [InlineData("131052-001A")]   // individual number below 002
    [InlineData("131052-308")]
    public void Henkilotunnus_KnownInvalid_IsRejected(string input) =>
        Assert.Null(FinnishHenkilotunnus.Normalize(input));

    [Fact]
    public void Fodselsnummer_WhereK1WouldBeTen_GeneratorSkipsToAValidIndividualNumber()
    {
        // 010190 with individual 012 gives K1 = 10, which no valid number can have.
        var id = NorwegianFodselsnummer.Generate(new DateOnly(1990, 1, 1), 12);
        Assert.NotEqual("010190012", id[..9]);
        Assert.Equal(id, NorwegianFodselsnummer.Normalize(id));
    }

    [Theory]
    [InlineData("SE")]
    [InlineData("NO")]
    [InlineData("FI")]
    public void Generate_ManyBirthDates_AllValidAndCarryTheBirthDate(string country)
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var birth = new DateOnly(1920, 1, 1).AddDays(random.Next(0, 105 * 365));
            var id = NationalId.Generate(country, birth, random.Next(0, 1000));
            var normalized = NationalId.Normalize(country, id, Today);
            Assert.Equal(id, normalized);
            Assert.Equal(birth, NationalId.BirthDate(country, normalized!));
        }
    }

    [Fact]
    public void Detect_TellsTheCountryByItsRules()
    {
        Assert.Equal("SE", NationalId.Detect("811228-9874", Today)?.Country);
        Assert.Equal("NO", NationalId.Detect("15076500565", Today)?.Country);
        Assert.Equal("FI", NationalId.Detect("131052-308T", Today)?.Country);
        Assert.Null(NationalId.Detect("12345", Today));
    }
}

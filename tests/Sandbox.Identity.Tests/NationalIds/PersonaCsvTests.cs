using Sandbox.Identity.Personas;

namespace Sandbox.Identity.Tests.NationalIds;

public class PersonaCsvTests
{
    [Fact]
    public void Read_QuotedFieldsAndAnyColumnOrder_GivesInputs()
    {
        const string csv = "givenName,familyName,nationalId,street,protectedIdentity\r\n" +
                           "Anna,\"Berg, af\",811228-9874,\"Storgatan \"\"1\"\"\",yes\r\n" +
                           "\n" +
                           "Ola,Nordmann,15076500565,,\n";
        var rows = PersonaCsv.Read(csv).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal("Berg, af", rows[0].Input!.FamilyName);
        Assert.Equal("Storgatan \"1\"", rows[0].Input!.Street);
        Assert.True(rows[0].Input!.ProtectedIdentity);
        Assert.Equal("15076500565", rows[1].Input!.NationalId);
        Assert.False(rows[1].Input!.ProtectedIdentity);
    }

    [Fact]
    public void Read_RowWithWrongFieldCount_ReportsItsLine()
    {
        var rows = PersonaCsv.Read("nationalId,givenName,familyName\n811228-9874,Anna\n").ToList();

        var row = Assert.Single(rows);
        Assert.Equal(2, row.Line);
        Assert.Null(row.Input);
        Assert.Contains("Expected 3", row.Error);
    }

    [Fact]
    public void ToPersona_InvalidNationalId_NamesTheField()
    {
        var (persona, errors) = new PersonaInput("811228-9875", "Anna", "Berg").ToPersona("uppsala", new DateOnly(2026, 1, 1));

        Assert.Null(persona);
        Assert.Contains("nationalId", errors.Keys);
    }

    [Fact]
    public void Read_ContactLanguageAndChildrenColumns_GiveInputs()
    {
        var rows = PersonaCsv.Read("nationalId,givenName,familyName,email,phone,preferredLanguage,children\n" +
                                   "811228-9874,Anna,Berg,anna@example.com,+46 70 174 06 05,se,201507012384; 201201032383\n").ToList();

        var input = Assert.Single(rows).Input!;
        Assert.Equal("anna@example.com", input.Email);
        Assert.Equal("+46 70 174 06 05", input.Phone);
        Assert.Equal("se", input.PreferredLanguage);
        Assert.Equal(["201507012384", "201201032383"], input.Children!);
    }

    [Fact]
    public void ToPersona_NoLanguage_DefaultsToTheCountrys()
    {
        var today = new DateOnly(2026, 1, 1);

        Assert.Equal("sv", new PersonaInput("811228-9874", "Anna", "Berg").ToPersona("uppsala", today).Persona!.PreferredLanguage);
        Assert.Equal("nb", new PersonaInput("15076500565", "Ola", "Nordmann").ToPersona("bergen", today).Persona!.PreferredLanguage);
        Assert.Equal("nn", new PersonaInput("15076500565", "Ola", "Nordmann", PreferredLanguage: "NN").ToPersona("bergen", today).Persona!.PreferredLanguage);
    }

    [Theory]
    [InlineData("anna.berg@example.com", true)]
    [InlineData("Anna Berg <anna@example.com>", false)]
    [InlineData("anna@", false)]
    [InlineData("annaexample.com", false)]
    public void IsEmail(string value, bool valid) => Assert.Equal(valid, ContactDetails.IsEmail(value));

    [Theory]
    [InlineData("+46 70 174 06 05", true)]
    [InlineData("070-1740605", true)]
    [InlineData("12345", false)]
    [InlineData("+47 4+00", false)]
    [InlineData("ring mig", false)]
    public void IsPhone(string value, bool valid) => Assert.Equal(valid, ContactDetails.IsPhone(value));

    [Fact]
    public void MakeEmail_FoldsNordicLettersToAscii()
    {
        Assert.Equal("hakon.ostgard-aebo.07@example.com", ContactDetails.MakeEmail("Håkon", "Østgård Æbo", 7));
        Assert.Equal("aino.hamalainen.12@example.com", ContactDetails.MakeEmail("Aino", "Hämäläinen", 12));
        Assert.True(ContactDetails.IsEmail(ContactDetails.MakeEmail("Håkon", "Østgård", 1)));
    }
}

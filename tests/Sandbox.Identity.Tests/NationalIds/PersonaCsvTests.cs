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
}

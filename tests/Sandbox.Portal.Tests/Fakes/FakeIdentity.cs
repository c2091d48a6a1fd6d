namespace Sandbox.Portal.Tests.Fakes;

/// <summary>Identity: two municipalities and a guardian with two children.</summary>
public sealed class FakeIdentity : FakeService
{
    public FakeIdentity()
    {
        On(HttpMethod.Get, "/identity/tenants", (_, _) => Json(new object[]
        {
            new { id = "bergen", country = "NO", names = new Dictionary<string, string> { ["nb"] = "Bergen", ["sv"] = "Bergen", ["fi"] = "Bergen", ["en"] = "Bergen" } },
            new { id = "uppsala", country = "SE", names = new Dictionary<string, string> { ["sv"] = "Uppsala", ["en"] = "Uppsala" } },
        }));
        On(HttpMethod.Get, "/identity/me", (_, _) => Json(new
        {
            subject = "citizen-1", givenName = "Kari", familyName = "Nordmann", email = "kari@example.test", preferredLanguage = "nb",
            address = new { street = "Fjellveien 1", postalCode = "5003", city = "Bergen" },
            children = new[]
            {
                new { subject = "child-1", givenName = "Ola", familyName = "Nordmann", birthDate = "2015-03-01" },
                new { subject = "child-2", givenName = "Eva", familyName = "Nordmann", birthDate = "2017-09-12" },
            },
        }));
    }
}

using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Sandbox.Identity.Tests.Infrastructure;

public static class Jwt
{
    /// <summary>The payload of a JWS, unverified (tests check the claims; validation is tested against a service).</summary>
    public static JsonObject Payload(string jwt) => Part(jwt, 1);

    public static JsonObject Header(string jwt) => Part(jwt, 0);

    private static JsonObject Part(string jwt, int index) =>
        JsonNode.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[index]))!.AsObject();
}

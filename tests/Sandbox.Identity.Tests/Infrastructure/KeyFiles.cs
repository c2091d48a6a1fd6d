using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sandbox.Identity.Tests.Infrastructure;

/// <summary>Signs tokens with the app's own key file, for cases the service cannot be asked for (an expired token).</summary>
public static class KeyFiles
{
    public static string SignWithAppKey(IdentityApp app, Dictionary<string, object> claims, DateTime notBefore, DateTime expires, string audience = "forms")
    {
        var path = Directory.GetFiles(Path.Combine(app.DataPath, "keys"), "signing-*.pem").Max(StringComparer.Ordinal)!;
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        var key = new RsaSecurityKey(rsa) { KeyId = Path.GetFileNameWithoutExtension(path)["signing-".Length..] };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = app.Issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            TokenType = "at+jwt",
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}

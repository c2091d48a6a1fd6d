using Microsoft.AspNetCore.Authentication.JwtBearer;
using Sandbox.Identity.Keys;

namespace Sandbox.Identity.Hosting;

/// <summary>
/// The identity service validates its own access tokens (for the admin API) exactly as other
/// services do, except that it reads the keys from its key store instead of from its own JWKS.
/// </summary>
internal static class LocalKeys
{
    public static void Configure(JwtBearerOptions jwt, SandboxIdentityOptions options, SigningKeyStore keys)
    {
        jwt.Authority = null;
        jwt.MetadataAddress = null!;
        jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
        jwt.TokenValidationParameters.IssuerSigningKeys = keys.SigningKeys;
    }
}

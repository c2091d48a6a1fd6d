using System.Globalization;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Sandbox.Identity.Keys;

/// <summary>
/// RSA signing keys kept as PEM files in <c>{data}/keys</c>, generated at first start. The newest
/// key signs; older ones stay published in the JWKS so tokens they signed still validate. A
/// rotation writes a new key that signs after the next start; the oldest beyond
/// <see cref="Retained"/> are deleted. The symmetric key that encrypts codes and refresh tokens
/// (never seen by services) sits beside them.
/// </summary>
public sealed class SigningKeyStore
{
    public const int Retained = 3;
    private readonly string folder;

    public SigningKeyStore(string dataPath)
    {
        folder = Path.Combine(dataPath, "keys");
        Directory.CreateDirectory(folder);
        if (KeyFiles().Length == 0) Rotate();
        SigningKeys = [.. KeyFiles().Select(Load)];
        EncryptionKey = LoadOrCreateEncryptionKey();
    }

    /// <summary>Newest first; the first one signs.</summary>
    public IReadOnlyList<RsaSecurityKey> SigningKeys { get; }

    public SymmetricSecurityKey EncryptionKey { get; }

    public RsaSecurityKey Current => SigningKeys[0];

    /// <summary>Writes a new signing key; returns its key id. It signs from the next start on.</summary>
    public string Rotate()
    {
        using var rsa = RSA.Create(2048);
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var path = Path.Combine(folder, $"signing-{stamp}.pem");
        WritePrivate(path, rsa.ExportRSAPrivateKeyPem());
        foreach (var old in KeyFiles().Skip(Retained)) File.Delete(old);
        return KeyId(path);
    }

    private string[] KeyFiles() =>
        [.. Directory.GetFiles(folder, "signing-*.pem").OrderByDescending(f => f, StringComparer.Ordinal)];

    private static RsaSecurityKey Load(string path)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        return new RsaSecurityKey(rsa) { KeyId = KeyId(path) };
    }

    private static string KeyId(string path) => Path.GetFileNameWithoutExtension(path)["signing-".Length..];

    private SymmetricSecurityKey LoadOrCreateEncryptionKey()
    {
        var path = Path.Combine(folder, "encryption.key");
        if (!File.Exists(path)) WritePrivate(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    private static void WritePrivate(string path, string content)
    {
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}

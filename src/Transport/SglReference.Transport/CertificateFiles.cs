using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SglReference.Transport;

/// <summary>Loads certificates from configured files: PKCS#12 (.p12/.pfx, with its password) or PEM (certificate + key).</summary>
public static class CertificateFiles
{
    /// <summary>Loads a certificate with its private key.</summary>
    /// <param name="path">A .p12/.pfx file, or a PEM certificate file.</param>
    /// <param name="keyPath">For PEM: the private key file (PKCS#8 or traditional); the certificate file itself when null.</param>
    /// <param name="password">The PKCS#12 password, or the encrypted PEM key's password.</param>
    public static X509Certificate2 LoadWithKey(string path, string? keyPath = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (IsPkcs12(path))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            }

            var pem = password is null
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
            if (!pem.HasPrivateKey)
            {
                throw new CryptographicException("no private key");
            }

            return pem;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot load the certificate {path}{(keyPath is null ? string.Empty : " with key " + keyPath)}: {ex.Message}", ex);
        }
    }

    /// <summary>Loads the certificates of a PEM bundle (trusted authorities).</summary>
    public static X509Certificate2Collection LoadAuthorities(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPemFile(path);
            if (collection.Count == 0)
            {
                throw new CryptographicException("no certificate in the file");
            }

            return collection;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot load the trusted authorities {path}: {ex.Message}", ex);
        }
    }

    private static bool IsPkcs12(string path) =>
        path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase);
}

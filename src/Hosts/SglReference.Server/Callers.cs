using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SglReference.Server;

/// <summary>
/// Who calls: an API key from X-API-Key (the configured keys, plus SGL_API_KEY for every lab), or the page's session
/// cookie (signed with a per-process secret, HttpOnly, SameSite=Strict, 12 hours) given after the key was typed in.
/// Keys are compared in constant time.
/// </summary>
internal sealed class Callers
{
    public const string Header = "X-API-Key";
    public const string Cookie = "sgl_session";
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);
    private readonly List<(ApiKey Key, byte[] Hash)> _keys;
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;

    public Callers(IReadOnlyList<ApiKey> keys, TimeProvider time)
    {
        _keys = keys.Select(k => (k, SHA256.HashData(Encoding.UTF8.GetBytes(k.Key)))).ToList();
        _time = time;
    }

    /// <summary>The configured keys and SGL_API_KEY.</summary>
    public static IReadOnlyList<ApiKey> From(ServerOptions options, string? environmentKey)
    {
        var keys = options.ApiKeys.ToList();
        if (!string.IsNullOrEmpty(environmentKey))
        {
            keys.Add(new ApiKey("SGL_API_KEY", environmentKey, null));
        }

        return keys;
    }

    public int Count => _keys.Count;

    /// <summary>The key presented, or null.</summary>
    public ApiKey? FindKey(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKey? found = null;
        foreach (var (key, keyHash) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, keyHash))
            {
                found = key;
            }
        }

        return found;
    }

    /// <summary>The caller of <paramref name="http"/> by header or session cookie, or null.</summary>
    public ApiKey? Of(HttpContext http)
    {
        if (http.Request.Headers.TryGetValue(Header, out var header))
        {
            return FindKey(header.ToString());
        }

        return http.Request.Cookies.TryGetValue(Cookie, out var cookie) ? FromSession(cookie) : null;
    }

    /// <summary>A session cookie value for <paramref name="key"/>.</summary>
    public string Session(ApiKey key)
    {
        var expires = (_time.GetUtcNow() + SessionLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes(key.Name)) + "." + expires;
        return payload + "." + Convert.ToBase64String(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(payload)));
    }

    private ApiKey? FromSession(string value)
    {
        var parts = value.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        var payload = parts[0] + "." + parts[1];
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(payload)))
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires < _time.GetUtcNow().ToUnixTimeSeconds())
        {
            return null;
        }

        string name;
        try
        {
            name = Encoding.UTF8.GetString(Convert.FromBase64String(parts[0]));
        }
        catch (FormatException)
        {
            return null;
        }

        return _keys.Select(k => k.Key).FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));
    }
}

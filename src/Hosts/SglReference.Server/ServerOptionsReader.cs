using System.Globalization;
using System.Text.Json;
using SglReference.Delivery;
using SglReference.Domain.Validation;
using SglReference.Hosting;

namespace SglReference.Server;

/// <summary>
/// Reads the "server" section of a configuration file; every value is type-checked and named when wrong
/// (<c>server.delivery.maxAttempts: must be a number</c>), unknown settings are refused.
/// </summary>
public static class ServerOptionsReader
{
    /// <summary>The server options of the file at <paramref name="path"/> (defaults when null or without a "server" section).</summary>
    /// <exception cref="ConfigurationException">The section is unreadable or a setting breaks its rule.</exception>
    public static ServerOptions Load(string? path)
    {
        if (path is null)
        {
            return ServerOptions.Default.Validate();
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"cannot read the configuration {path}: {ex.Message}", ex) { IsInvalidSetting = false };
        }

        return Parse(bytes, path);
    }

    /// <summary>The server options of configuration JSON.</summary>
    public static ServerOptions Parse(ReadOnlySpan<byte> json, string source)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("server", out var server))
            {
                return ServerOptions.Default.Validate();
            }

            return Read(server).Validate();
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"{source}: not JSON ({ex.Message})", ex);
        }
        catch (InvalidSettingException ex)
        {
            throw new ConfigurationException($"{source}: {ex.Message}", ex);
        }
    }

    private static ServerOptions Read(JsonElement e)
    {
        var o = ServerOptions.Default;
        foreach (var p in Properties(e, "server", "database", "apiKeys", "workers", "renderLeaseSeconds", "delivery", "hl7", "mss", "listener", "certificateWarningDays", "shutdownTimeoutSeconds"))
        {
            var path = "server." + p.Name;
            o = p.Name switch
            {
                "database" => o with { Database = NullableString(p.Value, path) },
                "apiKeys" => o with { ApiKeys = Array(p.Value, path).Select((k, i) => ReadKey(k, $"{path}[{i}]")).ToList() },
                "workers" => o with { Workers = Integer(p.Value, path) },
                "renderLeaseSeconds" => o with { RenderLease = Seconds(p.Value, path) },
                "delivery" => o with { Dispatcher = ReadDelivery(p.Value, path, o.Dispatcher) },
                "hl7" => o with { Hl7 = p.Value.ValueKind == JsonValueKind.Null ? null : ReadPeer(p.Value, path) },
                "mss" => o with { Mss = p.Value.ValueKind == JsonValueKind.Null ? null : ReadSmtp(p.Value, path) },
                "listener" => o with { Listener = p.Value.ValueKind == JsonValueKind.Null ? null : ReadListener(p.Value, path) },
                "certificateWarningDays" => o with { CertificateWarningDays = Integer(p.Value, path) },
                _ => o with { ShutdownTimeout = Seconds(p.Value, path) },
            };
        }

        return o;
    }

    private static ApiKey ReadKey(JsonElement e, string path)
    {
        string? name = null, key = null, lab = null;
        foreach (var p in Properties(e, path, "name", "key", "laboratory"))
        {
            switch (p.Name)
            {
                case "name": name = String(p.Value, path + ".name"); break;
                case "key": key = String(p.Value, path + ".key"); break;
                default: lab = NullableString(p.Value, path + ".laboratory"); break;
            }
        }

        return new ApiKey(name ?? throw new InvalidSettingException(path + ".name", "is required"), key ?? throw new InvalidSettingException(path + ".key", "is required"), lab);
    }

    private static DispatcherOptions ReadDelivery(JsonElement e, string path, DispatcherOptions o)
    {
        var policy = o.Policy;
        foreach (var p in Properties(e, path, "maxAttempts", "initialBackoffSeconds", "maxBackoffSeconds", "jitter", "concurrency", "leaseSeconds", "pollMilliseconds"))
        {
            var at = path + "." + p.Name;
            switch (p.Name)
            {
                case "maxAttempts": policy = policy with { MaxAttempts = Integer(p.Value, at) }; break;
                case "initialBackoffSeconds": policy = policy with { InitialBackoff = Seconds(p.Value, at) }; break;
                case "maxBackoffSeconds": policy = policy with { MaxBackoff = Seconds(p.Value, at) }; break;
                case "jitter": policy = policy with { Jitter = Number(p.Value, at) }; break;
                case "concurrency": o = o with { Concurrency = Integer(p.Value, at) }; break;
                case "leaseSeconds": o = o with { Lease = Seconds(p.Value, at) }; break;
                default: o = o with { PollInterval = TimeSpan.FromMilliseconds(Number(p.Value, at)) }; break;
            }
        }

        return o with { Policy = policy };
    }

    private static readonly string[] TlsNames = ["certificate", "key", "certificatePasswordEnv", "authorities", "peerName", "plain"];

    private static PeerEndpoint ReadPeer(JsonElement e, string path)
    {
        var peer = new PeerEndpoint(string.Empty, 0, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));
        foreach (var p in Properties(e, path, ["host", "port", "connectTimeoutSeconds", "ackTimeoutSeconds", .. TlsNames]))
        {
            var at = path + "." + p.Name;
            peer = p.Name switch
            {
                "host" => peer with { Host = String(p.Value, at) },
                "port" => peer with { Port = Integer(p.Value, at) },
                "connectTimeoutSeconds" => peer with { ConnectTimeout = Seconds(p.Value, at) },
                "ackTimeoutSeconds" => peer with { AckTimeout = Seconds(p.Value, at) },
                _ => peer,
            };
        }

        return peer with { Tls = ReadTls(e, path) };
    }

    private static SmtpEndpoint ReadSmtp(JsonElement e, string path)
    {
        var smtp = new SmtpEndpoint(string.Empty, 587, false, null, null, null, TimeSpan.FromSeconds(60));
        foreach (var p in Properties(e, path, ["host", "port", "implicitTls", "user", "passwordEnv", "timeoutSeconds", .. TlsNames]))
        {
            var at = path + "." + p.Name;
            smtp = p.Name switch
            {
                "host" => smtp with { Host = String(p.Value, at) },
                "port" => smtp with { Port = Integer(p.Value, at) },
                "implicitTls" => smtp with { ImplicitTls = Boolean(p.Value, at) },
                "user" => smtp with { User = NullableString(p.Value, at) },
                "passwordEnv" => smtp with { PasswordEnv = NullableString(p.Value, at) },
                "timeoutSeconds" => smtp with { Timeout = Seconds(p.Value, at) },
                _ => smtp,
            };
        }

        return smtp with { Tls = ReadTls(e, path) ?? new TlsFiles(null, null, null, null, null) };
    }

    private static ListenerEndpoint ReadListener(JsonElement e, string path)
    {
        var listener = new ListenerEndpoint("127.0.0.1", 0, null);
        foreach (var p in Properties(e, path, ["bind", "port", .. TlsNames]))
        {
            var at = path + "." + p.Name;
            listener = p.Name switch
            {
                "bind" => listener with { Bind = String(p.Value, at) },
                "port" => listener with { Port = Integer(p.Value, at) },
                _ => listener,
            };
        }

        return listener with { Tls = ReadTls(e, path) };
    }

    /// <summary>The TLS files of a peer section; null when it says "plain": true.</summary>
    private static TlsFiles? ReadTls(JsonElement e, string path)
    {
        var tls = new TlsFiles(null, null, null, null, null);
        var plain = false;
        foreach (var p in e.EnumerateObject())
        {
            var at = path + "." + p.Name;
            switch (p.Name)
            {
                case "certificate": tls = tls with { Certificate = NullableString(p.Value, at) }; break;
                case "key": tls = tls with { Key = NullableString(p.Value, at) }; break;
                case "certificatePasswordEnv": tls = tls with { PasswordEnv = NullableString(p.Value, at) }; break;
                case "authorities": tls = tls with { Authorities = NullableString(p.Value, at) }; break;
                case "peerName": tls = tls with { PeerName = NullableString(p.Value, at) }; break;
                case "plain": plain = Boolean(p.Value, at); break;
            }
        }

        return plain ? null : tls;
    }

    private static List<JsonProperty> Properties(JsonElement e, string path, params string[] allowed)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidSettingException(path, "must be an object");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<JsonProperty>();
        foreach (var p in e.EnumerateObject())
        {
            if (!allowed.Contains(p.Name, StringComparer.Ordinal))
            {
                throw new InvalidSettingException($"{path}.{SettingRules.Printable(p.Name)}", "unknown setting (" + string.Join(", ", allowed) + ")");
            }

            if (!seen.Add(p.Name))
            {
                throw new InvalidSettingException($"{path}.{p.Name}", "appears twice");
            }

            list.Add(p);
        }

        return list;
    }

    private static List<JsonElement> Array(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().ToList() : throw new InvalidSettingException(path, "must be an array");

    private static string String(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new InvalidSettingException(path, "must be a string");

    private static string? NullableString(JsonElement e, string path) => e.ValueKind == JsonValueKind.Null ? null : String(e, path);

    private static bool Boolean(JsonElement e, string path) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new InvalidSettingException(path, "must be true or false"),
    };

    private static int Integer(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var value) ? value : throw new InvalidSettingException(path, "must be a whole number");

    private static double Number(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number ? e.GetDouble() : throw new InvalidSettingException(path, "must be a number");

    private static TimeSpan Seconds(JsonElement e, string path)
    {
        var seconds = Number(e, path);
        return seconds is > 0 and < 1e7 ? TimeSpan.FromSeconds(seconds) : throw new InvalidSettingException(path, string.Create(CultureInfo.InvariantCulture, $"must be a positive number of seconds, found {seconds}"));
    }
}

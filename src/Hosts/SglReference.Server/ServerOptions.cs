using SglReference.Delivery;
using SglReference.Domain.Validation;

namespace SglReference.Server;

/// <summary>
/// The "server" section of the configuration file (sgl serve). Certificates and passwords are named by file path and
/// environment variable, never written in the file.
/// </summary>
/// <param name="Database">A PostgreSQL connection string for several instances; null: the embedded SQLite store in --data.</param>
/// <param name="ApiKeys">The keys clients send in X-API-Key (SGL_API_KEY adds one for every lab).</param>
/// <param name="Workers">Reports rendered at once (1 to 64; the number of cores by default).</param>
/// <param name="RenderLease">How long a render job claim holds (a killed instance's jobs come back after it).</param>
/// <param name="Dispatcher">Delivery policy, concurrency, lease.</param>
/// <param name="Hl7">The PFI's MLLP endpoint; HL7 messages wait in the outbox when null.</param>
/// <param name="Mss">The MSSanté operator's SMTP endpoint; mails wait in the outbox when null.</param>
/// <param name="Listener">Where the PFI sends its ZAM business acknowledgements; none when null.</param>
/// <param name="CertificateWarningDays">A certificate expiring within this many days is flagged (page, health, logs, metric).</param>
/// <param name="ShutdownTimeout">How long SIGTERM waits for renders and sends in progress.</param>
public sealed record ServerOptions(
    string? Database,
    IReadOnlyList<ApiKey> ApiKeys,
    int Workers,
    TimeSpan RenderLease,
    DispatcherOptions Dispatcher,
    PeerEndpoint? Hl7,
    SmtpEndpoint? Mss,
    ListenerEndpoint? Listener,
    int CertificateWarningDays,
    TimeSpan ShutdownTimeout)
{
    /// <summary>Embedded SQLite, no key (SGL_API_KEY is then required), one worker per core, no peer.</summary>
    public static ServerOptions Default { get; } = new(null, [], Math.Clamp(Environment.ProcessorCount, 1, 64), TimeSpan.FromSeconds(60), DispatcherOptions.Default,
        null, null, null, 60, TimeSpan.FromSeconds(30));

    /// <summary>Checks every setting.</summary>
    /// <exception cref="InvalidSettingException">A setting breaks its rule.</exception>
    public ServerOptions Validate()
    {
        SettingRules.Range("server.workers", Workers, 1, 64);
        SettingRules.Duration("server.renderLeaseSeconds", RenderLease, TimeSpan.FromHours(1));
        SettingRules.Duration("server.shutdownTimeoutSeconds", ShutdownTimeout, TimeSpan.FromMinutes(10));
        SettingRules.Range("server.certificateWarningDays", CertificateWarningDays, 1, 365);
        Dispatcher.Validate("server.delivery");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            var key = ApiKeys[i];
            SettingRules.Text($"server.apiKeys[{i}].name", key.Name, 64, asciiOnly: true);
            if (key.Key.Length < 16 || key.Key.Any(c => c <= ' ' || c >= (char)127))
            {
                throw new InvalidSettingException($"server.apiKeys[{i}].key", "must be at least 16 printable ASCII characters");
            }

            if (!names.Add(key.Name))
            {
                throw new InvalidSettingException($"server.apiKeys[{i}].name", $"\"{key.Name}\" is used twice");
            }
        }

        if (Database is not null)
        {
            SettingRules.Text("server.database", Database, 4096);
        }

        Hl7?.Validate("server.hl7");
        Mss?.Validate("server.mss");
        Listener?.Validate("server.listener");
        return this;
    }
}

/// <summary>One API key.</summary>
/// <param name="Name">Who uses it (shown in the audit trail).</param>
/// <param name="Key">The secret.</param>
/// <param name="Laboratory">The FINESS géographique it may send reports for; any lab when null.</param>
public sealed record ApiKey(string Name, string Key, string? Laboratory);

/// <summary>Certificate files of one end of a TLS connection.</summary>
/// <param name="Certificate">Our certificate (PEM or .p12).</param>
/// <param name="Key">Its PEM private key (null: in the certificate file).</param>
/// <param name="PasswordEnv">The environment variable holding the key or PKCS#12 password.</param>
/// <param name="Authorities">PEM bundle of the authorities the peer's certificate must chain to (system store when null).</param>
/// <param name="PeerName">The name the peer's certificate must carry (the host when null).</param>
public sealed record TlsFiles(string? Certificate, string? Key, string? PasswordEnv, string? Authorities, string? PeerName)
{
    /// <summary>Checks the paths.</summary>
    public void Validate(string section)
    {
        foreach (var (name, value) in new[] { ("certificate", Certificate), ("key", Key), ("authorities", Authorities) })
        {
            if (value is not null)
            {
                SettingRules.Text($"{section}.{name}", value, 4096);
            }
        }
    }
}

/// <summary>The PFI's MLLP endpoint.</summary>
/// <param name="Host">Host.</param>
/// <param name="Port">Port.</param>
/// <param name="Tls">TLS files; plain TCP when null (test peers only).</param>
/// <param name="ConnectTimeout">TCP and TLS handshake limit.</param>
/// <param name="AckTimeout">How long to wait for the ACK.</param>
public sealed record PeerEndpoint(string Host, int Port, TlsFiles? Tls, TimeSpan ConnectTimeout, TimeSpan AckTimeout)
{
    /// <summary>Checks every setting.</summary>
    public void Validate(string section)
    {
        SettingRules.Text(section + ".host", Host, 255, asciiOnly: true);
        SettingRules.Range(section + ".port", Port, 1, 65535);
        SettingRules.Duration(section + ".connectTimeoutSeconds", ConnectTimeout, TimeSpan.FromMinutes(5));
        SettingRules.Duration(section + ".ackTimeoutSeconds", AckTimeout, TimeSpan.FromMinutes(30));
        Tls?.Validate(section);
    }
}

/// <summary>The MSSanté operator's SMTP endpoint.</summary>
/// <param name="Host">Host.</param>
/// <param name="Port">Port (587 STARTTLS, 465 implicit TLS).</param>
/// <param name="ImplicitTls">TLS from the first byte.</param>
/// <param name="Tls">Client certificate and trusted authorities.</param>
/// <param name="User">SASL user, when the operator asks for one.</param>
/// <param name="PasswordEnv">The environment variable holding its password.</param>
/// <param name="Timeout">Per-command timeout.</param>
public sealed record SmtpEndpoint(string Host, int Port, bool ImplicitTls, TlsFiles? Tls, string? User, string? PasswordEnv, TimeSpan Timeout)
{
    /// <summary>Checks every setting.</summary>
    public void Validate(string section)
    {
        SettingRules.Text(section + ".host", Host, 255, asciiOnly: true);
        SettingRules.Range(section + ".port", Port, 1, 65535);
        SettingRules.Duration(section + ".timeoutSeconds", Timeout, TimeSpan.FromMinutes(30));
        Tls?.Validate(section);
    }
}

/// <summary>The integrated MLLP listener for ZAM business acknowledgements.</summary>
/// <param name="Bind">The address to listen on.</param>
/// <param name="Port">The port (0: any free port, logged at start).</param>
/// <param name="Tls">Server certificate and the authorities the PFI's client certificate must chain to; plain TCP when null.</param>
public sealed record ListenerEndpoint(string Bind, int Port, TlsFiles? Tls)
{
    /// <summary>Checks every setting.</summary>
    public void Validate(string section)
    {
        if (!System.Net.IPAddress.TryParse(Bind, out _))
        {
            throw new InvalidSettingException(section + ".bind", "must be an IP address");
        }

        SettingRules.Range(section + ".port", Port, 0, 65535);
        if (Tls is { Certificate: null })
        {
            throw new InvalidSettingException(section + ".certificate", "is required for a TLS listener (or set \"plain\": true for a test peer)");
        }

        Tls?.Validate(section);
    }
}

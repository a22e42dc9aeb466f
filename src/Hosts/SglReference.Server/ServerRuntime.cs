using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using SglReference.Channels;
using SglReference.Delivery.Sql;
using SglReference.Dmp;
using SglReference.Dmp.Sending;
using SglReference.Engine;
using SglReference.MailboxDirectory;
using SglReference.Hl7v2;
using SglReference.Hl7v2.Mllp;
using SglReference.Hosting;
using SglReference.Mss;
using SglReference.Mss.Sending;
using SglReference.Transport;

namespace SglReference.Server;

/// <summary>
/// What one running instance is made of: the engine, the store, the transports and the certificates they use, the
/// instance's name in leases and in the audit trail, and the signals between intake, workers and dispatcher.
/// </summary>
internal sealed class ServerRuntime : IDisposable
{
    private ServerRuntime(SglEngine engine, SqlDeliveryStore store, ServerOptions options, IReadOnlyList<IMessageTransport> transports,
        IReadOnlyList<(string Purpose, X509Certificate2 Certificate, CertificateUse? Use)> certificates, TlsOptions? listenerTls, string instance)
    {
        Engine = engine;
        Store = store;
        Options = options;
        Transports = transports;
        Certificates = certificates;
        ListenerTls = listenerTls;
        Instance = instance;
    }

    public SglEngine Engine { get; }

    public SqlDeliveryStore Store { get; }

    public ServerOptions Options { get; }

    public IReadOnlyList<IMessageTransport> Transports { get; }

    public IReadOnlyList<(string Purpose, X509Certificate2 Certificate, CertificateUse? Use)> Certificates { get; }

    public TlsOptions? ListenerTls { get; }

    /// <summary>
    /// The Annuaire Santé directory, when configured: the render workers fill the MSSanté addresses a report lacks
    /// before rendering (the lookup is I/O; rendering stays pure).
    /// </summary>
    public IMailboxDirectory? Mailboxes { get; private init; }

    private static readonly HttpClient s_annuaireHttp = new();

    /// <summary>This instance's name in leases and the audit trail: host, process id and a random tail.</summary>
    public string Instance { get; }

    public WorkSignal RenderWork { get; } = new();

    public WorkSignal DeliveryWork { get; } = new();

    /// <summary>False once the host is stopping: intake answers 503.</summary>
    public bool AcceptingReports { get; set; } = true;

    public static ServerRuntime Create(SglConfiguration configuration, ServerOptions options, string dataDirectory, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory, TimeProvider time)
    {
        var certificates = new List<(string, X509Certificate2, CertificateUse?)>();
        var transports = new List<IMessageTransport>();
        if (options.Hl7 is { } hl7)
        {
            var tls = Tls(hl7.Tls, "server.hl7", "hl7 client", CertificateUse.Client, certificates);
            transports.Add(new MllpTransport(new MllpClientOptions(hl7.Host, hl7.Port, tls, hl7.ConnectTimeout, hl7.AckTimeout, 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))));
        }

        if (options.Mss is { } mss)
        {
            var tls = Tls(mss.Tls, "server.mss", "mss client", CertificateUse.Client, certificates) ?? new TlsOptions(null, []);
            var password = mss.PasswordEnv is null ? null : Environment.GetEnvironmentVariable(mss.PasswordEnv);
            transports.Add(new MssSmtpTransport(new SmtpOptions(mss.Host, mss.Port, mss.ImplicitTls ? SmtpSecurity.ImplicitTls : SmtpSecurity.StartTls,
                tls.Certificate, tls.TrustedAuthorities, tls.PeerName, mss.User, password, mss.Timeout)));
        }

        var listenerTls = options.Listener is { } listener ? Tls(listener.Tls, "server.listener", "listener server", CertificateUse.Server, certificates) : null;

        // The "dmp" section is read once, as the CLI reads it: the engine signs with its certificates, the transport
        // presents its authentication certificate.
        var dmp = EngineFactory.LoadDmp(configuration);
        if (dmp is not null)
        {
            if (dmp.AuthenticationCertificate is not { } authentication)
            {
                throw new ConfigurationException("dmp.authenticationCertificate: is required to send to the DMP (TLS client certificate)");
            }

            certificates.Add(("dmp authentication", authentication, CertificateUse.Client));
            foreach (var structure in dmp.Structures)
            {
                certificates.Add(("dmp signature " + structure.Identifier, structure.SigningCertificate, null));
            }

            transports.Add(new DmpTransport(dmp, time));
        }

        var engine = EngineFactory.Create(configuration, dmp, time, loggerFactory);
        SqlDeliveryStore store;
        try
        {
            store = options.Database is { } database
                ? new SglReference.Delivery.PostgreSql.PostgreSqlDeliveryStore(database)
                : new SglReference.Delivery.Sqlite.SqliteDeliveryStore(dataDirectory);
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException("server.database: " + ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message, ex) { IsInvalidSetting = false };
        }

        var instance = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}");
        var mailboxes = configuration.Annuaire is { } annuaire ? MailboxDirectories.Create(annuaire, s_annuaireHttp, time) : null;
        return new ServerRuntime(engine, store, options, transports, certificates, listenerTls, instance) { Mailboxes = mailboxes };
    }

    private static TlsOptions? Tls(TlsFiles? files, string section, string purpose, CertificateUse use, List<(string, X509Certificate2, CertificateUse?)> certificates)
    {
        if (files is null)
        {
            return null;
        }

        try
        {
            var password = files.PasswordEnv is null ? null : Environment.GetEnvironmentVariable(files.PasswordEnv);
            var certificate = files.Certificate is null ? null : CertificateFiles.LoadWithKey(files.Certificate, files.Key, password);
            var authorities = files.Authorities is null ? [] : CertificateFiles.LoadAuthorities(files.Authorities);
            if (certificate is not null)
            {
                certificates.Add((purpose, certificate, use));
            }

            foreach (var authority in authorities)
            {
                certificates.Add((section[(section.LastIndexOf('.') + 1)..] + " authority", authority, null));
            }

            return new TlsOptions(certificate, authorities, files.PeerName);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException($"{section}: {ex.Message}", ex) { IsInvalidSetting = false };
        }
    }

    public void Dispose()
    {
        foreach (var transport in Transports.OfType<IDisposable>())
        {
            transport.Dispose();
        }

        RenderWork.Dispose();
        DeliveryWork.Dispose();
        if (Store is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}

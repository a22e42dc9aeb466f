using System.Security.Cryptography.X509Certificates;

namespace SglReference.Mss.Sending;

/// <summary>The MSSanté operator's SMTP endpoint and how to authenticate to it (values come from configuration).</summary>
/// <param name="Host">SMTP host.</param>
/// <param name="Port">SMTP port.</param>
/// <param name="Security">STARTTLS or implicit TLS.</param>
/// <param name="ClientCertificate">The BAL applicative's certificate (client authentication), when the operator asks for one.</param>
/// <param name="TrustedAuthorities">Authorities the server certificate must chain to; the system store when empty.</param>
/// <param name="PeerName">Name the server certificate must carry (the host when null).</param>
/// <param name="UserName">SASL user, when the operator also asks for one.</param>
/// <param name="Password">SASL password (from an environment variable, never from a file in the repository).</param>
/// <param name="Timeout">Per-command timeout.</param>
/// <param name="LogPatientData">
/// Keep patient mailboxes (their local part is the INS) in the outcome's detail, which the outbox stores and the CLI
/// prints; off by default, when they read [patient]@patient.mssante.fr.
/// </param>
public sealed record SmtpOptions(
    string Host,
    int Port,
    SmtpSecurity Security,
    X509Certificate2? ClientCertificate,
    X509Certificate2Collection TrustedAuthorities,
    string? PeerName = null,
    string? UserName = null,
    string? Password = null,
    TimeSpan? Timeout = null,
    bool LogPatientData = false);

using System.Security.Cryptography.X509Certificates;
using SglReference.Domain.Validation;

namespace SglReference.Mss.Sending;

/// <summary>The MSSanté operator's SMTP endpoint and how to authenticate to it (values come from configuration).</summary>
/// <param name="Host">SMTP host.</param>
/// <param name="Port">SMTP port.</param>
/// <param name="Security">STARTTLS or implicit TLS (never plaintext: a server without STARTTLS gets nothing).</param>
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
    bool LogPatientData = false)
{
    /// <summary>Longest per-command timeout (10 minutes).</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Checks every setting; throws <see cref="InvalidSettingException"/> naming the first that breaks its rule.</summary>
    public SmtpOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Host) || Host.Length > 253 || Host.Any(char.IsControl))
        {
            throw new InvalidSettingException("mss.smtp.host", "must be a host name or an IP address");
        }

        SettingRules.Range("mss.smtp.port", Port, 1, 65535);
        if (!Enum.IsDefined(Security))
        {
            throw new InvalidSettingException("mss.smtp.security", "must be StartTls or ImplicitTls");
        }

        if (Timeout is { } timeout)
        {
            SettingRules.Duration("mss.smtp.timeout", timeout, MaxTimeout);
        }

        if (TrustedAuthorities is null)
        {
            throw new InvalidSettingException("mss.smtp.trustedAuthorities", "is required (empty: the system store)");
        }

        return this;
    }
}

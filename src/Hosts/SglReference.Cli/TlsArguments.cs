using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using SglReference.Hl7v2.Mllp;
using SglReference.Transport;

namespace SglReference.Cli;

/// <summary>The TLS options shared by send-hl7 and listen-hl7: certificates come from files named on the command line.</summary>
internal sealed class TlsArguments(bool tlsSwitch = true)
{
    public Option<bool> Tls { get; } = new("--tls") { Description = "Use TLS (both ends authenticated by certificates)." };

    public Option<FileInfo?> Certificate { get; } = new("--cert") { Description = "Our certificate: .p12/.pfx, or PEM (with --key)." };

    public Option<FileInfo?> Key { get; } = new("--key") { Description = "PEM private key of --cert (default: inside the --cert file)." };

    public Option<string?> PasswordVariable { get; } = new("--cert-password-env") { Description = "Name of the environment variable holding the .p12 or encrypted key password." };

    public Option<FileInfo?> Authorities { get; } = new("--ca") { Description = "PEM file of the authorities the peer's certificate must chain to (default: the system store)." };

    public void AddTo(Command command)
    {
        if (tlsSwitch)
        {
            command.Options.Add(Tls);
        }

        command.Options.Add(Certificate);
        command.Options.Add(Key);
        command.Options.Add(PasswordVariable);
        command.Options.Add(Authorities);
    }

    /// <summary>
    /// The TLS options, our certificate checked for <paramref name="use"/> first: one that is expired, not yet valid,
    /// without its private key or issued for another use is a clear error (exit 1, nothing sent); one that expires
    /// within 60 days is a warning on stderr.
    /// </summary>
    public async Task<TlsOptions?> ReadAsync(ParseResult parse, string? peerName, bool certificateRequired, CertificateUse use, CommandContext context)
    {
        if (tlsSwitch && !parse.GetValue(Tls))
        {
            return null;
        }

        var password = parse.GetValue(PasswordVariable) is { } variable
            ? Environment.GetEnvironmentVariable(variable) ?? throw new UserException($"--cert-password-env: the variable {variable} is not set")
            : null;
        var certificateFile = parse.GetValue(Certificate);
        if (certificateFile is null && certificateRequired)
        {
            throw new UserException("--tls needs --cert (this end is authenticated by its certificate)");
        }

        TlsOptions options;
        try
        {
            var certificate = certificateFile is null ? null : CertificateFiles.LoadWithKey(certificateFile.FullName, parse.GetValue(Key)?.FullName, password);
            var authorities = parse.GetValue(Authorities) is { } ca ? CertificateFiles.LoadAuthorities(ca.FullName) : [];
            options = new TlsOptions(certificate, authorities, peerName);
        }
        catch (InvalidOperationException ex)
        {
            throw new UserException(ex.Message, ex);
        }

        if (options.Certificate is { } ours)
        {
            await CheckOursAsync(ours, use, "--cert", context).ConfigureAwait(false);
        }

        return options;
    }

    /// <summary>
    /// Checks one of our certificates before connecting: unusable (expired, not yet valid, wrong EKU, no key) is a
    /// <see cref="UserException"/> naming <paramref name="setting"/>, expiring within 60 days a warning.
    /// </summary>
    public static async Task CheckOursAsync(X509Certificate2 ours, CertificateUse use, string setting, CommandContext context)
    {
        var now = DateTimeOffset.UtcNow;
        var status = CertificateCheck.Check(ours, use, now);
        if (status.Describe() is { } problem)
        {
            throw new UserException($"{setting}: {problem}");
        }

        if (status.Warning(now) is { } warning)
        {
            await context.WarnAsync(warning).ConfigureAwait(false);
        }
    }
}

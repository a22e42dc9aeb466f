using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using SglReference.Testing;

namespace SglReference.Transport.Tests;

/// <summary>Our own certificates are checked before any connection; peers' certificates must be issued for their role.</summary>
public sealed class CertificateCheckTests(TestCertificates certificates) : IClassFixture<TestCertificates>
{
    private readonly TestCertificates _certificates = certificates;
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    [Fact]
    public void A_valid_client_certificate_is_usable_without_warning()
    {
        var (certificate, _, _) = _certificates.IssueCustom("bal-ok", _now.AddDays(-1), _now.AddDays(365), TestCertificates.ClientAuthentication);
        var status = CertificateCheck.Check(certificate, CertificateUse.Client, _now);
        Assert.True(status.IsUsable, status.Problem);
        Assert.False(status.ExpiresSoon);
        Assert.Null(status.Warning(_now));
    }

    [Fact]
    public void An_expired_certificate_is_not_usable_and_says_when_it_expired()
    {
        var (certificate, _, _) = _certificates.IssueCustom("bal-expired", _now.AddDays(-400), _now.AddDays(-2), TestCertificates.ClientAuthentication);
        var status = CertificateCheck.Check(certificate, CertificateUse.Client, _now);
        Assert.False(status.IsUsable);
        Assert.StartsWith($"it expired on {_now.AddDays(-2).UtcDateTime:yyyy-MM-dd}", status.Problem, StringComparison.Ordinal);
        Assert.StartsWith("our certificate CN=bal-expired cannot be used: it expired", status.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_not_yet_valid_is_not_usable()
    {
        var (certificate, _, _) = _certificates.IssueCustom("bal-future", _now.AddDays(3), _now.AddDays(300), TestCertificates.ClientAuthentication);
        Assert.StartsWith("it is not valid before", CertificateCheck.Check(certificate, CertificateUse.Client, _now).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_for_the_other_role_is_not_usable()
    {
        Assert.Contains("not a client certificate", CertificateCheck.Check(_certificates.Server, CertificateUse.Client, _now).Problem, StringComparison.Ordinal);
        Assert.Contains("not a server certificate", CertificateCheck.Check(_certificates.Client, CertificateUse.Server, _now).Problem, StringComparison.Ordinal);
        var (both, _, _) = _certificates.IssueCustom("bal-both", _now.AddDays(-1), _now.AddDays(300), TestCertificates.ClientAuthentication, TestCertificates.ServerAuthentication);
        Assert.True(CertificateCheck.Check(both, CertificateUse.Server, _now).IsUsable);
        var (any, _, _) = _certificates.IssueCustom("bal-no-eku", _now.AddDays(-1), _now.AddDays(300));
        Assert.True(CertificateCheck.Check(any, CertificateUse.Client, _now).IsUsable); // no EKU extension: any use (RFC 5280 §4.2.1.12)
    }

    [Fact]
    public void A_certificate_without_its_private_key_is_not_usable()
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(_certificates.Client.RawData);
        Assert.StartsWith("its private key is missing", CertificateCheck.Check(publicOnly, CertificateUse.Client, _now).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_expiring_within_sixty_days_is_usable_with_a_warning()
    {
        var (certificate, _, _) = _certificates.IssueCustom("bal-soon", _now.AddDays(-1000), _now.AddDays(45), TestCertificates.ClientAuthentication);
        var status = CertificateCheck.Check(certificate, CertificateUse.Client, _now);
        Assert.True(status.IsUsable);
        Assert.True(status.ExpiresSoon);
        Assert.Equal($"the certificate CN=bal-soon expires on {_now.AddDays(45).UtcDateTime:yyyy-MM-dd} (in 45 days): renew it", status.Warning(_now));
        var (later, _, _) = _certificates.IssueCustom("bal-later", _now.AddDays(-1000), _now.AddDays(61), TestCertificates.ClientAuthentication);
        Assert.False(CertificateCheck.Check(later, CertificateUse.Client, _now).ExpiresSoon);
    }

    [Fact]
    public void A_peer_certificate_issued_for_the_other_role_is_refused_with_our_authorities()
    {
        var (clientOnly, _, _) = _certificates.IssueCustom("server-client-eku", _now.AddDays(-1), _now.AddDays(20), TestCertificates.ClientAuthentication);
        var (serverOnly, _, _) = _certificates.IssueCustom("client-server-eku", _now.AddDays(-1), _now.AddDays(20), TestCertificates.ServerAuthentication);
        var authorities = _certificates.Authorities;

        Assert.True(PeerCertificateValidation.IsTrusted(_certificates.Server, null, SslPolicyErrors.None, authorities, CertificateUse.Server));
        Assert.False(PeerCertificateValidation.IsTrusted(clientOnly, null, SslPolicyErrors.None, authorities, CertificateUse.Server));
        Assert.True(PeerCertificateValidation.IsTrusted(_certificates.Client, null, SslPolicyErrors.None, authorities, CertificateUse.Client));
        Assert.False(PeerCertificateValidation.IsTrusted(serverOnly, null, SslPolicyErrors.None, authorities, CertificateUse.Client));
        // Without our authorities (system store), the role is checked as well.
        Assert.False(PeerCertificateValidation.IsTrusted(clientOnly, null, SslPolicyErrors.None, [], CertificateUse.Server));
    }
}

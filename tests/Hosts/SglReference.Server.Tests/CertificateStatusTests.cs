using SglReference.Testing;

namespace SglReference.Server.Tests;

/// <summary>The certificate status the health endpoint and the page show uses the transports' own check.</summary>
public sealed class CertificateStatusTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public void A_client_certificate_issued_for_server_authentication_is_unusable_with_the_transports_reason()
    {
        var now = DateTimeOffset.UtcNow;
        var (serverOnly, _, _) = _certificates.IssueCustom("bal-server-only", now.AddDays(-1), now.AddDays(300), TestCertificates.ServerAuthentication);

        var status = CertificateStatus.Of("mss client", serverOnly, Transport.CertificateUse.Client, now, 60);

        Assert.Equal("unusable", status.State);
        Assert.Equal(Transport.CertificateCheck.Check(serverOnly, Transport.CertificateUse.Client, now).Problem, status.Problem);
        Assert.Contains("client authentication", status.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificates_without_a_tls_use_are_judged_on_their_dates_only_and_an_expired_one_says_expired()
    {
        var now = DateTimeOffset.UtcNow;
        var (expired, _, _) = _certificates.IssueCustom("bal-expired", now.AddDays(-400), now.AddDays(-2), TestCertificates.ClientAuthentication);
        var (serverOnly, _, _) = _certificates.IssueCustom("signature-server-only", now.AddDays(-1), now.AddDays(300), TestCertificates.ServerAuthentication);

        Assert.Equal("ok", CertificateStatus.Of("dmp signature 1.2.250", serverOnly, null, now, 60).State);
        Assert.Equal("unusable", CertificateStatus.Of("dmp authentication", serverOnly, Transport.CertificateUse.Client, now, 60).State);
        var status = CertificateStatus.Of("hl7 client", expired, Transport.CertificateUse.Client, now, 60);
        Assert.Equal("expired", status.State);
        Assert.True(status.DaysLeft < 0);
        Assert.Equal("expiring", CertificateStatus.Of("hl7 client", _certificates.Client, Transport.CertificateUse.Client, now, 60).State);
    }
}

using System.Text;
using System.Xml;
using SglReference.Dmp.Requests;
using SglReference.Dmp.Soap;
using SglReference.Dmp.Vihf;
using SglReference.Transport.XmlSignatures;

namespace SglReference.Dmp.Tests;

/// <summary>Negative mutants of a valid ITI-41 request, each breaking one signature property after signing.</summary>
internal static class Mutants
{
    public static IReadOnlyList<string> Names { get; } =
        ["vihf-attribute-tampered", "vihf-digest-wrong", "xades-signing-time-tampered", "xades-manifest-digest-wrong", "document-altered-after-signing", "vihf-signed-with-authentication-certificate"];

    public static DmpHttpRequest Apply(string name, DmpHttpRequest request, System.Security.Cryptography.X509Certificates.X509Certificate2 authentication) => name switch
    {
        "vihf-attribute-tampered" => Text(request, s => ReplaceFirst(s, ">Hélène MARCHAND<", ">Helene MARCHAND<")),
        "vihf-digest-wrong" => Text(request, s => FlipAfter(s, "<saml2:Assertion", "<DigestValue>")),
        "xades-signing-time-tampered" => Text(request, s => ReplaceFirst(s, "<SigningTime>2026-11-23T08:30:00.000+01:00<", "<SigningTime>2026-11-23T08:31:00.000+01:00<")),
        "xades-manifest-digest-wrong" => Text(request, s => FlipAfter(s, "<Manifest Id=\"IHEManifest\">", "AA==</DigestValue>", "<DigestValue>")),
        "document-altered-after-signing" => Text(request, s => ReplaceFirst(s, "<title>", "<title>X")),
        "vihf-signed-with-authentication-certificate" => Resigned(request, authentication),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>The code the double (like the DMP) answers each mutant with.</summary>
    public static string ExpectedCode(string name) => name switch
    {
        "vihf-attribute-tampered" or "vihf-digest-wrong" => "wsse:FailedCheck",
        "vihf-signed-with-authentication-certificate" => "DMPInvalidCertificate",
        _ => "XDSRepositoryMetadataError",
    };

    /// <summary>Whether each signature still verifies cryptographically: (VIHF, XAdES core, manifest digests).</summary>
    public static (bool Vihf, bool Xades, bool Manifest) ExpectedVerdicts(string name) => name switch
    {
        "vihf-attribute-tampered" or "vihf-digest-wrong" => (false, true, true),
        "xades-signing-time-tampered" => (true, false, true),
        "xades-manifest-digest-wrong" => (true, false, false),
        "document-altered-after-signing" => (true, true, false),
        _ => (true, true, true),
    };

    private static DmpHttpRequest Text(DmpHttpRequest request, Func<string, string> edit)
    {
        var text = Encoding.UTF8.GetString(request.Body.Span);
        var edited = edit(text);
        Assert.NotEqual(text, edited);
        return request with { Body = Encoding.UTF8.GetBytes(edited) };
    }

    private static string ReplaceFirst(string s, string from, string to)
    {
        var at = s.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, "mutation anchor not found: " + from);
        return string.Concat(s.AsSpan(0, at), to, s.AsSpan(at + from.Length));
    }

    /// <summary>Flips the first character of the text after <paramref name="marker"/> found after <paramref name="anchor"/> (skipping <paramref name="skip"/>).</summary>
    private static string FlipAfter(string s, string anchor, string marker, string? then = null)
    {
        var at = s.IndexOf(anchor, StringComparison.Ordinal);
        at = s.IndexOf(marker, at, StringComparison.Ordinal) + marker.Length;
        if (then is not null)
        {
            at = s.IndexOf(then, at, StringComparison.Ordinal) + then.Length;
        }

        var c = s[at] == 'A' ? 'B' : 'A';
        return string.Concat(s.AsSpan(0, at), c.ToString(), s.AsSpan(at + 1));
    }

    private static DmpHttpRequest Resigned(DmpHttpRequest request, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        var info = DmpRequestInfo.Read(request);
        var envelope = info.Envelope;
        var assertion = VihfAssertion.Reissue(info.Assertion, certificate, SignatureDigest.Sha1, DateTimeOffset.UtcNow, "_" + Guid.NewGuid().ToString("D"));
        var old = info.Assertion;
        old.ParentNode!.ReplaceChild(envelope.ImportNode(assertion, deep: true), old);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            envelope.Save(writer);
        }

        var root = info.Message.RootId!;
        return Mtom.Build(stream.ToArray(), info.Message.Parts.Select(p => (p.Key, p.Value)).ToList(), "MIMEBoundary_mutant", root);
    }
}

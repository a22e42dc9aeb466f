using System.Xml.Linq;
using SglReference.Dmp.Requests;
using SglReference.Dmp.Soap;
using SglReference.Engine;
using SglReference.Testing;

namespace SglReference.Dmp.Tests;

/// <summary>A rendered DMP request read back with LINQ to XML.</summary>
internal sealed class Rendered
{
    public static readonly XNamespace Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    public static readonly XNamespace Saml = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static readonly XNamespace Soap = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Wsa = "http://www.w3.org/2005/08/addressing";
    public static readonly XNamespace Ds = "http://www.w3.org/2000/09/xmldsig#";
    public const string Confidentiality = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
    public const string UniqueIdScheme = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    public const string ClassScheme = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";

    public Rendered(DmpHttpRequest request)
    {
        Request = request;
        Info = DmpRequestInfo.Read(request);
        Envelope = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Info.Message.Envelope.Span));
    }

    public static Rendered Of(RenderPackage package) => new(DmpServer.Request(package));

    public DmpHttpRequest Request { get; }

    public DmpRequestInfo Info { get; }

    public XDocument Envelope { get; }

    public IEnumerable<XElement> Entries => Envelope.Descendants(Rim + "ExtrinsicObject");

    public XElement Signature => Entries.Single(e => Code(e, ClassScheme) == "urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1");

    public IEnumerable<XElement> Documents => Entries.Where(e => e != Signature);

    public XElement Assertion => Envelope.Descendants(Saml + "Assertion").Single();

    public string? Vihf(string name) => Assertion.Descendants(Saml + "Attribute").SingleOrDefault(a => (string?)a.Attribute("Name") == name)?.Element(Saml + "AttributeValue")?.Value;

    public static string? Code(XElement entry, string scheme) =>
        entry.Elements(Rim + "Classification").FirstOrDefault(c => (string?)c.Attribute("classificationScheme") == scheme)?.Attribute("nodeRepresentation")?.Value;

    public static List<string> Codes(XElement entry, string scheme) =>
        entry.Elements(Rim + "Classification").Where(c => (string?)c.Attribute("classificationScheme") == scheme).Select(c => c.Attribute("nodeRepresentation")!.Value).ToList();

    public static string UniqueId(XElement entry) =>
        entry.Elements(Rim + "ExternalIdentifier").Single(e => (string?)e.Attribute("identificationScheme") == UniqueIdScheme).Attribute("value")!.Value;
}

/// <summary>Certificates and a DMP configuration without a server (rendering only).</summary>
public sealed class DmpRendering : IDisposable
{
    private readonly TempDirectory _temp = Repo.TempDirectory();

    public DmpRendering()
    {
        Certificates = new TestCertificates();
        Kit = DmpTestKit.Create(Certificates, new Uri("https://dmp.invalid/si-dmp-server/v2/services"), _temp.File("config"));
        Sha256 = DmpTestKit.Create(Certificates, new Uri("https://dmp.invalid/si-dmp-server/v2/services"), _temp.File("config256"), "sha256");
    }

    public TestCertificates Certificates { get; }

    public DmpTestKit Kit { get; }

    public DmpTestKit Sha256 { get; }

    public RenderPackage Render(Domain.LabReport report, RenderAction action = RenderAction.Publish, IReadOnlyList<Domain.Documents.IssuedDocument>? previous = null, DmpTestKit? kit = null) =>
        RenderCache.Render(report, (kit ?? Kit).Configuration, action, previous);

    public void Dispose()
    {
        Certificates.Dispose();
        _temp.Dispose();
    }
}

using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using SglReference.Testing;
using SglReference.Transport.XmlSignatures;

namespace SglReference.Dmp.Tests;

/// <summary>
/// The streamed C14N (with comments) that digests each CDA of the DMP manifest gives, byte for byte, what the
/// reference implementation (.NET's <see cref="XmlDsigC14NWithCommentsTransform"/> over a DOM) gives.
/// </summary>
public sealed class CanonicalizationTests
{
    public static TheoryData<string> Fixtures() => [.. Repo.FixtureNames];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_rendered_CDA_canonicalizes_as_the_reference_transform_does(string fixture)
    {
        var package = RenderCache.Package(fixture);
        var cdas = package.Documents.All.Where(d => d.Format is not null).ToList();
        Assert.NotEmpty(cdas);
        foreach (var cda in cdas)
        {
            Assert.Equal(Reference(cda.Content), ManifestSignature.Canonical(cda.Content));
        }
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- before -->\n<?pi data?>\n<a xmlns=\"urn:a\" xmlns:z=\"urn:z\" xmlns:b=\"urn:b\" z:k=\"1\" b:k=\"2\" y=\"3\" x=\"4\"><b:c xmlns:b=\"urn:b\" xmlns=\"urn:a\"/><d xmlns=\"\"><e xmlns=\"\"/></d></a>\n<!-- after -->\n<?end?>\n")]
    [InlineData("<r a=\"tab&#9;lf&#10;cr&#13;quote&quot;lt&lt;amp&amp;gt>\">text &amp; &lt; &gt; &#13; ]]&gt; <![CDATA[cdata <&> ]]> é 𝄞 &#x1D11E;<!--in-->  \r\n  <?p?><empty/></r>")]
    [InlineData("<r xml:lang=\"fr\" xmlns:p=\"urn:p\"><p:s p:a=\"1\" xml:space=\"preserve\"> </p:s><t xmlns:p=\"urn:other\"><p:u/></t></r>")]
    public void Namespaces_escapes_comments_and_PIs_canonicalize_as_the_reference_transform_does(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        Assert.Equal(Encoding.UTF8.GetString(Reference(bytes)), Encoding.UTF8.GetString(ManifestSignature.Canonical(bytes)));
    }

    [Fact]
    public void A_document_with_a_DTD_is_refused_as_before()
    {
        var bytes = Encoding.UTF8.GetBytes("<!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>");
        Assert.Throws<XmlException>(() => ManifestSignature.Canonical(bytes));
    }

    private static byte[] Reference(ReadOnlyMemory<byte> xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using (var reader = XmlReader.Create(new MemoryStream(xml.ToArray()), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            document.Load(reader);
        }

        var transform = new XmlDsigC14NWithCommentsTransform();
        transform.LoadInput(document);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var copy = new MemoryStream();
        output.CopyTo(copy);
        return copy.ToArray();
    }
}

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

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_rendered_CDA_takes_the_byte_level_path_and_gives_what_the_reference_transform_gives(string fixture)
    {
        var package = RenderCache.Package(fixture);
        foreach (var cda in package.Documents.All.Where(d => d.Format is not null))
        {
            Assert.Equal(Encoding.UTF8.GetString(Reference(cda.Content)), Encoding.UTF8.GetString(Fast(cda.Content.Span) ?? throw new Xunit.Sdk.XunitException($"{fixture}: the byte-level path declined {cda.Kind} {cda.Audience}")));
        }
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a xmlns=\"urn:a\" xmlns:z=\"urn:z\" xmlns:b=\"urn:b\" z:k=\"1\" b:k=\"2\" y=\"3\" x=\"4\"><b:c xmlns:b=\"urn:b\" xmlns=\"urn:a\"/><d xmlns=\"\"><e xmlns=\"\"/></d></a>\n")]
    [InlineData("<r a='single \"q\" &apos;x&apos; &gt; &lt; &amp; &quot;' b=\"x>y\">text &amp; &lt; &gt; &quot; &apos; > é 𝄞 ]] \t tab\n line</r>")]
    [InlineData("<r xml:lang=\"fr\" xmlns:p=\"urn:p\"><p:s p:a=\"1\" xml:space=\"preserve\"> </p:s><t xmlns:p=\"urn:other\"><p:u/></t></r>")]
    [InlineData("\uFEFF<?xml version='1.0'?>\n\n<r\n  b = \"1\"\n  a='2' ><s   /><p:t xmlns:p=\"urn:p\" xmlns:q=\"urn:q\" q:z=\"1\" p:z=\"2\" z=\"3\"/></r   >\n  ")]
    [InlineData("<a xmlns=\"urn:a\"><b xmlns=\"urn:b\"><c xmlns=\"urn:a\"/></b><d xmlns=\"\"/></a>")]
    public void Plain_documents_take_the_byte_level_path_and_give_what_the_reference_transform_gives(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        Assert.Equal(Encoding.UTF8.GetString(Reference(bytes)), Encoding.UTF8.GetString(Fast(bytes) ?? throw new Xunit.Sdk.XunitException("declined")));
    }

    [Theory]
    [InlineData("<r><!-- comment --></r>")]
    [InlineData("<?xml version=\"1.0\"?><?pi data?><r/>")]
    [InlineData("<r><![CDATA[<&>]]></r>")]
    [InlineData("<r>&#233;</r>")]
    [InlineData("<r>line\r\nend</r>")]
    [InlineData("<r a=\"tab\there\"/>")]
    [InlineData("<r a=\"lf\nhere\"/>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>x</r>")]
    [InlineData("<r>x</r>\n<!-- after -->")]
    public void Other_well_formed_documents_are_declined_and_the_reader_gives_what_the_reference_transform_gives(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        Assert.Null(Fast(bytes));
        Assert.Equal(Encoding.UTF8.GetString(Reference(bytes)), Encoding.UTF8.GetString(ManifestSignature.Canonical(bytes)));
    }

    [Theory]
    [InlineData("<r><s></r></s>")]
    [InlineData("<r><p:s/></r>")]
    [InlineData("<r a=\"1\" a=\"2\"/>")]
    [InlineData("<r>x</r>tail")]
    [InlineData("<r>a ]]> b</r>")]
    [InlineData("<r><s>")]
    [InlineData("<r a=\"<\"/>")]
    [InlineData("<1r/>")]
    [InlineData("<r>&nbsp;</r>")]
    [InlineData("<r a=\"1\"b=\"2\"/>")]
    [InlineData("<r/><s/>")]
    [InlineData("<r xmlns:p=\"urn:p\" p:a=\"1\" xmlns:q=\"urn:p\" q:a=\"2\"/>")]
    public void Malformed_documents_are_declined_and_the_reader_refuses_them(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        Assert.Null(Fast(bytes));
        Assert.Throws<XmlException>(() => ManifestSignature.Canonical(bytes));
    }

    [Theory]
    [InlineData("<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ID=\"_1\" Version=\"2.0\"><saml2:Issuer Format=\"x\">CN=a &amp; b, O=&lt;c&gt;</saml2:Issuer><saml2:AttributeStatement><saml2:Attribute Name=\"n\"><saml2:AttributeValue xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xsi:type=\"xs:string\">v</saml2:AttributeValue></saml2:Attribute><saml2:Attribute Name=\"r\"><saml2:AttributeValue><Role xsi:type=\"CE\" code=\"1\" xmlns=\"urn:hl7-org:v3\" /></saml2:AttributeValue></saml2:Attribute></saml2:AttributeStatement><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo><x xmlns=\"\"/></SignedInfo></Signature></saml2:Assertion>")]
    [InlineData("<a xmlns=\"urn:a\" xmlns:p=\"urn:p\" xmlns:q=\"urn:q\"><p:b q:c=\"1\"><d xmlns=\"\"><e xmlns=\"urn:a\"/></d><p:f xmlns:p=\"urn:p\"/><g xmlns:p=\"urn:other\" p:h=\"2\"/></p:b></a>")]
    [InlineData("<r xml:lang=\"fr\" b=\"1\" a=\"2\"><s xmlns=\"\"/></r>")]
    public void Plain_documents_take_the_byte_level_path_in_exclusive_form_as_the_reference_transform_gives_it(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        Assert.Equal(Encoding.UTF8.GetString(Reference(bytes, new XmlDsigExcC14NTransform())), Encoding.UTF8.GetString(Fast(bytes, exclusive: true) ?? throw new Xunit.Sdk.XunitException("declined")));
    }

    [Fact]
    public void A_document_with_a_DTD_is_refused_as_before()
    {
        var bytes = Encoding.UTF8.GetBytes("<!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>");
        Assert.Throws<XmlException>(() => ManifestSignature.Canonical(bytes));
    }

    /// <summary>The byte-level canonical form, or null when it declines the document.</summary>
    private static byte[]? Fast(ReadOnlySpan<byte> xml, bool exclusive = false)
    {
        byte[]? output = null;
        return Utf8Canonicalizer.TryCanonicalize(xml, written => output = written.ToArray(), exclusive) ? output : null;
    }

    /// <summary>What .NET's <paramref name="transform"/> (C14N with comments when null) gives for the document as a DOM.</summary>
    private static byte[] Reference(ReadOnlyMemory<byte> xml, Transform? transform = null)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using (var reader = XmlReader.Create(new MemoryStream(xml.ToArray()), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            document.Load(reader);
        }

        transform ??= new XmlDsigC14NWithCommentsTransform();
        transform.LoadInput(document);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var copy = new MemoryStream();
        output.CopyTo(copy);
        return copy.ToArray();
    }
}

using System.Security.Cryptography.Xml;
using System.Xml;

namespace SglReference.Transport.XmlSignatures;

/// <summary>
/// <see cref="SignedXml"/> that also resolves same-document references to elements nested inside the ds:Object
/// elements of the signature being computed (the IHE DSG Manifest, the XAdES SignedProperties): the base class only
/// finds them once the signature is part of a document, and reports "Malformed reference element" otherwise.
/// </summary>
internal sealed class IdResolvingSignedXml : SignedXml
{
    public IdResolvingSignedXml(XmlDocument document)
        : base(document)
    {
    }

    public IdResolvingSignedXml(XmlElement element)
        : base(element)
    {
    }

    public override XmlElement? GetIdElement(XmlDocument? document, string idValue)
    {
        if (base.GetIdElement(document, idValue) is { } found)
        {
            return found;
        }

        foreach (var dataObject in Signature.ObjectList.OfType<DataObject>())
        {
            foreach (var node in dataObject.Data.OfType<XmlNode>())
            {
                if (Find(node, idValue) is { } element)
                {
                    return element;
                }
            }
        }

        return null;
    }

    private static XmlElement? Find(XmlNode node, string idValue)
    {
        if (node is XmlElement element)
        {
            if (string.Equals(element.GetAttribute("Id"), idValue, StringComparison.Ordinal)
                || string.Equals(element.GetAttribute("ID"), idValue, StringComparison.Ordinal)
                || string.Equals(element.GetAttribute("id"), idValue, StringComparison.Ordinal))
            {
                return element;
            }

            foreach (XmlNode child in element.ChildNodes)
            {
                if (Find(child, idValue) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}

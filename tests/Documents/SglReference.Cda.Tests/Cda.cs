using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;

namespace SglReference.Cda.Tests;

/// <summary>XPath over CDA documents, prefix "c" for urn:hl7-org:v3.</summary>
internal static class Cda
{
    private static readonly XmlNamespaceManager s_namespaces = Create();

    public static IEnumerable<XElement> Elements(XDocument document, string xpath) => document.XPathSelectElements(xpath, s_namespaces);

    public static XElement Element(XDocument document, string xpath) =>
        document.XPathSelectElement(xpath, s_namespaces) ?? throw new InvalidOperationException("no match for " + xpath);

    public static XElement Element(XElement node, string xpath) =>
        node.XPathSelectElement(xpath, s_namespaces) ?? throw new InvalidOperationException("no match for " + xpath);

    public static XElement? Optional(XElement node, string xpath) => node.XPathSelectElement(xpath, s_namespaces);

    public static object Evaluate(XDocument document, string xpath) => document.XPathEvaluate(xpath, s_namespaces);

    public static string Attribute(XDocument document, string xpath) =>
        ((IEnumerable<object>)document.XPathEvaluate(xpath, s_namespaces)).Cast<XAttribute>().Single().Value;

    /// <summary>The narrative text of the element with that ID, whitespace collapsed.</summary>
    public static string NarrativeText(XDocument document, string id)
    {
        var element = document.Descendants().Single(e => (string?)e.Attribute("ID") == id);
        return Collapse(string.Concat(element.DescendantNodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "br" } => "\n",
            _ => string.Empty,
        })));
    }

    public static string Collapse(string text) => string.Join(' ', text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static XmlNamespaceManager Create()
    {
        var manager = new XmlNamespaceManager(new NameTable());
        manager.AddNamespace("c", "urn:hl7-org:v3");
        manager.AddNamespace("lab", "urn:oid:1.3.6.1.4.1.19376.1.3.2");
        manager.AddNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        return manager;
    }
}

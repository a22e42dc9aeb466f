using System.Text.RegularExpressions;
using System.Xml;
using SglReference.Dmp.Requests;
using SglReference.Dmp.Soap;

namespace SglReference.Dmp.Sending;

/// <summary>A DMP answer read: HTTP status, SOAP fault or registry status with its errors, RelatesTo.</summary>
public sealed partial class DmpReply
{
    private DmpReply(int httpStatus, XmlDocument? document)
    {
        HttpStatus = httpStatus;
        Document = document;
        if (document is null)
        {
            return;
        }

        var ns = DmpRequestInfo.Namespaces(document);
        RelatesTo = document.SelectSingleNode("/s:Envelope/s:Header/wsa:RelatesTo", ns)?.InnerText.Trim();
        if (document.SelectSingleNode("/s:Envelope/s:Body/s:Fault", ns) is XmlElement fault)
        {
            FaultCode = fault.SelectSingleNode("s:Code/s:Value", ns)?.InnerText.Trim();
            FaultSubcode = fault.SelectSingleNode("s:Code/s:Subcode/s:Value", ns)?.InnerText.Trim();
            FaultReason = fault.SelectSingleNode("s:Reason/s:Text", ns)?.InnerText.Trim();
            return;
        }

        if (document.SelectSingleNode("/s:Envelope/s:Body/*[@status]", ns) is XmlElement response)
        {
            Status = response.GetAttribute("status");
            Errors = response.SelectNodes(".//rs:RegistryErrorList/rs:RegistryError", ns)!.OfType<XmlElement>()
                .Select(e => new RegistryError(e.GetAttribute("errorCode"), Redact(e.GetAttribute("codeContext")), e.GetAttribute("severity"))).ToList();
        }
    }

    /// <summary>The HTTP status code.</summary>
    public int HttpStatus { get; }

    /// <summary>The SOAP envelope, when the body was one.</summary>
    public XmlDocument? Document { get; }

    /// <summary>wsa:RelatesTo.</summary>
    public string? RelatesTo { get; }

    /// <summary>The registry status (Success, Failure, PartialSuccess), for a registry answer.</summary>
    public string? Status { get; }

    /// <summary>The RegistryErrors.</summary>
    public IReadOnlyList<RegistryError> Errors { get; } = [];

    /// <summary>soap:Code/Value of a fault (soap:Sender, soap:Receiver, soap:VersionMismatch).</summary>
    public string? FaultCode { get; }

    /// <summary>soap:Code/Subcode/Value of a fault (DMPInvalidCertificate, wsse:FailedCheck...).</summary>
    public string? FaultSubcode { get; }

    /// <summary>The fault reason.</summary>
    public string? FaultReason { get; }

    /// <summary>True for a SOAP fault.</summary>
    public bool IsFault => FaultCode is not null;

    /// <summary>Reads an answer; a body that is not a SOAP envelope gives a reply without document.</summary>
    public static DmpReply Read(int httpStatus, string? contentType, ReadOnlyMemory<byte> body)
    {
        try
        {
            var envelope = contentType is not null && contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
                ? Mtom.Read(contentType, body).Envelope
                : body;
            if (envelope.IsEmpty)
            {
                return new DmpReply(httpStatus, null);
            }

            var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(envelope.ToArray()), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document.Load(reader);
            return document.DocumentElement?.NamespaceURI == DmpNamespaces.Soap12 ? new DmpReply(httpStatus, document) : new DmpReply(httpStatus, null);
        }
        catch (Exception ex) when (ex is XmlException or FormatException)
        {
            return new DmpReply(httpStatus, null);
        }
    }

    /// <summary>Digit runs as long as an INS hidden: peers' contexts may quote the patient.</summary>
    public static string Redact(string text) => InsLike().Replace(text ?? string.Empty, "[INS]");

    [GeneratedRegex("(?<![0-9.])[0-9]{13,15}(?![0-9.])")]
    private static partial Regex InsLike();
}

using System.Security;
using System.Text;

namespace SglReference.DmpDouble;

/// <summary>The double's answers: SOAP 1.2 envelopes with WS-Addressing RelatesTo.</summary>
internal static class Soap
{
    public const string Env = "http://www.w3.org/2003/05/soap-envelope";
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Wsa = "http://www.w3.org/2005/08/addressing";
    public const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string Saml = "urn:oasis:names:tc:SAML:2.0:assertion";
    public const string Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    public const string Rs = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";
    public const string Lcm = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";
    public const string Query = "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0";
    public const string Xdsb = "urn:ihe:iti:xds-b:2007";
    public const string Xop = "http://www.w3.org/2004/08/xop/include";
    public const string Hl7 = "urn:hl7-org:v3";
    public const string Success = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    public const string Failure = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";

    public static string E(string? s) => SecurityElement.Escape(s ?? string.Empty);

    public static string Envelope(string action, string? relatesTo, string body) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" +
        $"<soap:Envelope xmlns:soap=\"{Env}\"><soap:Header><Action xmlns=\"{Wsa}\">{E(action)}</Action>" +
        $"<MessageID xmlns=\"{Wsa}\">urn:uuid:{Guid.NewGuid():D}</MessageID><To xmlns=\"{Wsa}\">http://www.w3.org/2005/08/addressing/anonymous</To>" +
        (relatesTo is null ? string.Empty : $"<RelatesTo xmlns=\"{Wsa}\">{E(relatesTo)}</RelatesTo>") +
        $"</soap:Header><soap:Body>{body}</soap:Body></soap:Envelope>";

    public static string Fault(string code, string? subcode, string reason, string? relatesTo) =>
        Envelope("http://www.w3.org/2005/08/addressing/soap/fault", relatesTo,
            $"<soap:Fault><soap:Code><soap:Value>soap:{code}</soap:Value>" +
            (subcode is null ? string.Empty : $"<soap:Subcode><soap:Value xmlns:wsse=\"{Wsse}\" xmlns:wsa=\"{Wsa}\">{E(subcode)}</soap:Value></soap:Subcode>") +
            $"</soap:Code><soap:Reason><soap:Text xml:lang=\"fr\">{E(reason)}</soap:Text></soap:Reason></soap:Fault>");

    public static string RegistryResponse(string action, string? relatesTo, IReadOnlyList<Error> errors)
    {
        var failed = errors.Any(e => !e.Warning);
        var b = new StringBuilder();
        b.Append(CultureInfo(), $"<rs:RegistryResponse xmlns:rs=\"{Rs}\" status=\"{(failed ? Failure : Success)}\">");
        if (errors.Count > 0)
        {
            b.Append("<rs:RegistryErrorList>");
            foreach (var e in errors)
            {
                b.Append(CultureInfo(), $"<rs:RegistryError errorCode=\"{E(e.Code)}\" codeContext=\"{E(e.Context)}\" location=\"DMP-double\" severity=\"urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:{(e.Warning ? "Warning" : "Error")}\"/>");
            }

            b.Append("</rs:RegistryErrorList>");
        }

        b.Append("</rs:RegistryResponse>");
        return Envelope(action, relatesTo, b.ToString());
    }

    private static System.Globalization.CultureInfo CultureInfo() => System.Globalization.CultureInfo.InvariantCulture;
}

/// <summary>One RegistryError.</summary>
internal sealed record Error(string Code, string Context, bool Warning = false);

/// <summary>A refusal as a SOAP fault (security, envelope, addressing).</summary>
internal sealed class FaultException(string code, string? subcode, string reason) : Exception(reason)
{
    public string Code { get; } = code;

    public string? Subcode { get; } = subcode;
}

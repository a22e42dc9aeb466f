namespace SglReference.Engine;

/// <summary>The artifact kinds of the documents (channels name the kinds of their own messages).</summary>
public static class ArtifactKinds
{
    /// <summary>The PDF/A-1 of one version.</summary>
    public const string Pdf = "pdf";

    /// <summary>The CDA R2 N3 (CR-BIO) of one version.</summary>
    public const string CdaN3 = "cda-n3";

    /// <summary>The CDA R2 N1 (PDF in nonXMLBody) of one version.</summary>
    public const string CdaN1 = "cda-n1";

    /// <summary>The HL7 v2.5 ORU^R01 carrying the documents.</summary>
    public const string Hl7v2Oru = "hl7v2-oru";

    /// <summary>The IHE_XDM.zip of one MSSanté message.</summary>
    public const string IheXdm = "ihe-xdm";

    /// <summary>One MSSanté message (RFC 5322 .eml).</summary>
    public const string MssMessage = "mss-message";

    /// <summary>One DMP ITI-41 request: the HTTP Content-Type header line, a blank line, the body.</summary>
    public const string DmpIti41 = "dmp-iti41";
}

namespace SglReference.Channels;

/// <summary>The documents rendered for each version of a report.</summary>
public enum DocumentKind
{
    /// <summary>The PDF/A-1 of the version.</summary>
    Pdf,

    /// <summary>The CDA R2 N3 (CR-BIO) with its PDF copy.</summary>
    CdaN3,

    /// <summary>The CDA R2 N1 (the PDF in nonXMLBody).</summary>
    CdaN1,
}

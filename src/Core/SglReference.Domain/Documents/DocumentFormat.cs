namespace SglReference.Domain.Documents;

/// <summary>The CDA levels a CR-Bio is issued in.</summary>
public enum DocumentFormat
{
    /// <summary>CDA R2 level 3: the structured CR-BIO (volet CI-SIS 2024.01) with its PDF copy.</summary>
    N3,
    /// <summary>CDA R2 level 1: structuration minimale, the PDF in nonXMLBody.</summary>
    N1,
}

namespace SglReference.Domain;

/// <summary>The four INS identifier domains, each with its OID.</summary>
public enum InsKind
{
    /// <summary>INS-NIR (1.2.250.1.213.1.4.8).</summary>
    Nir,
    /// <summary>INS-NIA (1.2.250.1.213.1.4.9).</summary>
    Nia,
    /// <summary>INS-NIR of a test patient (1.2.250.1.213.1.4.10).</summary>
    NirTest,
    /// <summary>INS-NIR of a demonstration patient (1.2.250.1.213.1.4.11).</summary>
    NirDemo,
}

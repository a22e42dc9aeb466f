namespace SglReference.Hl7v2.Acknowledgements;

/// <summary>
/// The application error conditions of the volet trans-cda-r2 (error-codes, table applicationErrorCondition), sent in
/// ERR-5 with ERR-3 = 207 by the consumer (DPI/RIS, directly or relayed by the PFI in a ZAM^Z03).
/// </summary>
public enum ConsumerError
{
    /// <summary>Not one of the volet's codes (the table is indicative and may be enriched).</summary>
    Unlisted = 0,

    /// <summary>900: the version in the replacement/deletion request is not the latest the receiver holds.</summary>
    VersionMismatch = 900,

    /// <summary>901: the requester may not replace or delete this document (not its author nor of its organization).</summary>
    AuthorNotAllowed = 901,

    /// <summary>902: the patient is unknown to the receiver.</summary>
    UnknownPatient = 902,

    /// <summary>903: the CDA carries patient ids but no INS: no automatic processing.</summary>
    InsMissing = 903,

    /// <summary>904: the INS does not match exactly the one the receiver stores (matricule or traits).</summary>
    InsMismatch = 904,

    /// <summary>905: the INS matricule is present but not all the INS traits are: no automatic processing.</summary>
    InsIncomplete = 905,

    /// <summary>906: another error.</summary>
    Other = 906,
}

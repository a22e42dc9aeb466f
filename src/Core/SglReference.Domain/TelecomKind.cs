namespace SglReference.Domain;

/// <summary>Kind of a telecom address.</summary>
public enum TelecomKind
{
    /// <summary>Landline phone.</summary>
    Phone,
    /// <summary>Mobile phone.</summary>
    Mobile,
    /// <summary>Fax.</summary>
    Fax,
    /// <summary>Ordinary e-mail (never used to send health data).</summary>
    Email,
}

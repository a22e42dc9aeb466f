namespace SglReference.Hl7v2.Codec;

/// <summary>The bytes are not an HL7 v2 message (no MSH, unreadable delimiters).</summary>
public sealed class Hl7ParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public Hl7ParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public Hl7ParseException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public Hl7ParseException()
    {
    }
}

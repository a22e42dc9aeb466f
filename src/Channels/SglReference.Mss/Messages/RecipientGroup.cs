namespace SglReference.Mss.Messages;

/// <summary>Who one MSSanté message goes to: professionals and the patient never share a message.</summary>
public enum RecipientGroup
{
    /// <summary>The médecin traitant, the prescriber and the copies (the professional version).</summary>
    Professionals,

    /// <summary>The patient's Mon espace santé mailbox (the patient version), alone.</summary>
    Patient,
}

namespace SglReference.Domain.Delivery;

/// <summary>Who an MSSanté recipient is.</summary>
public enum RecipientKind
{
    /// <summary>The médecin traitant.</summary>
    AttendingPhysician,
    /// <summary>The prescriber.</summary>
    Prescriber,
    /// <summary>Another professional or organization in copy.</summary>
    Copy,
    /// <summary>The patient's Mon espace santé mailbox (INS@patient.mssante.fr).</summary>
    Patient,
}

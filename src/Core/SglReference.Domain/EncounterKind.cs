namespace SglReference.Domain;

/// <summary>Kind of hospital stay (JDV_J142: IMP, AMB, EMER...; HL7 v2 PV1-2: I, O, E).</summary>
public enum EncounterKind
{
    /// <summary>Hospitalisation complète.</summary>
    Inpatient,
    /// <summary>Consultation externe or day care.</summary>
    Outpatient,
    /// <summary>Urgences.</summary>
    Emergency,
}

using SglReference.Domain.Validation;

namespace SglReference.Domain.Delivery;

/// <summary>
/// The MSSanté management matrix of the HL7 volet (ansforge IG-hl7v2-volet-transmission-document-cda-r2,
/// regles-gestion-mssante, updated 2026-04-21): the only flag combinations a message that mails the document may
/// carry; the PFI answers any other with an error. A message that mails nobody is outside the matrix.
/// <list type="number">
/// <item>PS and patient: MASQUE_PS N, INVISIBLE_PATIENT N, INVISIBLE_REP_LEGAUX N, CONNEXION_SECRETE N|Y, DESTMSSANTEPS Y, DESTMSSANTEPAT Y.</item>
/// <item>PS only: MASQUE_PS N, INVISIBLE_PATIENT Y, INVISIBLE_REP_LEGAUX N, CONNEXION_SECRETE N|Y, DESTMSSANTEPS Y, DESTMSSANTEPAT N.</item>
/// <item>Patient only: INVISIBLE_PATIENT N, CONNEXION_SECRETE N, DESTDMP N, DESTMSSANTEPS N, DESTMSSANTEPAT Y.</item>
/// </list>
/// </summary>
public static class MssRoutingMatrix
{
    /// <summary>Null when <paramref name="flags"/> is an allowed combination, else the rule it breaks.</summary>
    public static RuleViolation? Check(MetaDmpMssFlags flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        if (!flags.MssExchange)
        {
            return null;
        }

        if (flags.DestMssPs && flags.DestMssPatient)
        {
            return flags is { MasquePs: false, InvisiblePatient: false, InvisibleRepLegaux: false }
                ? null
                : Violation("case 1 (mail to professionals and patient) requires MASQUE_PS N, INVISIBLE_PATIENT N and INVISIBLE_REP_LEGAUX N");
        }

        if (flags.DestMssPs)
        {
            return flags is { MasquePs: false, InvisiblePatient: true, InvisibleRepLegaux: false }
                ? null
                : Violation("case 2 (mail to professionals only) requires MASQUE_PS N, INVISIBLE_PATIENT Y and INVISIBLE_REP_LEGAUX N");
        }

        return flags is { InvisiblePatient: false, ConnexionSecrete: false, DestDmp: false }
            ? null
            : Violation("case 3 (mail to the patient only) requires INVISIBLE_PATIENT N, CONNEXION_SECRETE N and DESTDMP N");
    }

    private static RuleViolation Violation(string rule) =>
        new(ErrorCodes.MssRouting, "MSSanté routing matrix (HL7 volet trans-cda-r2, règles de gestion MSSanté): " + rule);
}

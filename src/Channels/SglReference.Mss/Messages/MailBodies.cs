using System.Globalization;
using SglReference.Domain;
using SglReference.Domain.Delivery;

namespace SglReference.Mss.Messages;

/// <summary>
/// The default bodies of CR-Bio mails, for professionals and for the patient, initial, replacement and deletion. A body
/// the report gives replaces the default text; replacement and deletion always say so, whatever the body.
/// </summary>
public static class MailBodies
{
    private static readonly CultureInfo French = CultureInfo.InvariantCulture; // explicit formats only: no culture data needed (invariant globalization)

    /// <summary>The body of one message.</summary>
    public static string For(LabReport report, RecipientGroup group, DocumentAction action)
    {
        ArgumentNullException.ThrowIfNull(report);
        var p = report.Patient;
        var lab = report.Laboratory.Name;
        var validated = report.ValidatedAt.ToString("dd/MM/yyyy 'à' HH:mm", French);
        var custom = group == RecipientGroup.Professionals ? report.Delivery.MailBodyProfessional : report.Delivery.MailBodyPatient;
        var lines = new List<string>();
        var notice = action switch
        {
            DocumentAction.Replace => "Ce compte rendu annule et remplace la version précédemment transmise, qui ne doit plus être utilisée.",
            DocumentAction.Delete => "Le compte rendu joint est retiré par le laboratoire : il ne doit plus être utilisé et doit être supprimé du dossier.",
            _ => null,
        };
        if (notice is not null)
        {
            lines.Add(notice);
            lines.Add(string.Empty);
        }

        if (custom is not null)
        {
            lines.Add(custom);
        }
        else if (group == RecipientGroup.Professionals)
        {
            lines.Add("Bonjour,");
            lines.Add(string.Empty);
            lines.Add($"Veuillez trouver ci-joint le compte rendu d'examens de biologie médicale de {p.DisplayFamilyName} {p.DisplayGivenName}, né(e) le {p.BirthDate.ToString("dd/MM/yyyy", French)}, validé le {validated} par {report.Biologist.DisplayName} ({lab}).");
            lines.Add(string.Empty);
            lines.Add("Le document structuré (CDA R2) est dans l'archive IHE_XDM.zip ; sa version PDF est jointe.");
        }
        else
        {
            lines.Add("Bonjour,");
            lines.Add(string.Empty);
            lines.Add($"Les résultats de vos examens de biologie médicale, validés le {validated} par le laboratoire {lab}, sont joints à ce message (PDF) et disponibles dans votre profil Mon espace santé.");
            lines.Add(string.Empty);
            lines.Add("Pour toute question sur ces résultats, adressez-vous au médecin qui vous a prescrit ces examens.");
        }

        lines.Add(string.Empty);
        lines.Add($"{lab} - message envoyé par la messagerie sécurisée de santé MSSanté.");
        return string.Join("\r\n", lines) + "\r\n";
    }
}

using System.Globalization;
using SglReference.Domain;
using SglReference.Domain.Delivery;

namespace SglReference.Mss.Messages;

/// <summary>
/// The default bodies of CR-Bio mails, for professionals and for the patient, initial, replacement and deletion. A body
/// the report gives replaces the default text of an initial sending or a replacement, and a replacement always says so;
/// a deletion reads as a deletion only: the report's bodies announce the document, so they are left out.
/// </summary>
public static class MailBodies
{
    private static readonly CultureInfo French = CultureInfo.InvariantCulture; // explicit formats only: no culture data needed (invariant globalization)

    /// <summary>The label of the subject of a mail that withdraws the document (XDM/1.0/DDM+&lt;libellé&gt; ...).</summary>
    public const string DeletionSubjectLabel = "Suppression du CR d'examens biologiques";

    /// <summary>The body of one message.</summary>
    public static string For(LabReport report, RecipientGroup group, DocumentAction action)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lab = report.Laboratory.Name;
        var validated = report.ValidatedAt.ToString("dd/MM/yyyy 'à' HH:mm", French);
        var lines = new List<string>();
        if (action == DocumentAction.Delete)
        {
            Deletion(lines, report, group, validated);
        }
        else
        {
            Announcement(lines, report, group, action, validated);
        }

        lines.Add(string.Empty);
        lines.Add($"{lab} - message envoyé par la messagerie sécurisée de santé MSSanté.");
        return string.Join("\r\n", lines) + "\r\n";
    }

    private static void Deletion(List<string> lines, LabReport report, RecipientGroup group, string validated)
    {
        var p = report.Patient;
        var lab = report.Laboratory.Name;
        lines.Add("Bonjour,");
        lines.Add(string.Empty);
        if (group == RecipientGroup.Professionals)
        {
            lines.Add($"Le laboratoire {lab} retire le compte rendu d'examens de biologie médicale de {p.DisplayFamilyName} {p.DisplayGivenName}, né(e) le {p.BirthDate.ToString("dd/MM/yyyy", French)}, validé le {validated} par {report.Biologist.DisplayName} : ce compte rendu ne doit plus être utilisé et doit être supprimé du dossier du patient.");
            lines.Add(string.Empty);
            lines.Add("Le document retiré est joint pour être identifié (archive IHE_XDM.zip, action « D »), avec sa version PDF.");
        }
        else
        {
            lines.Add($"Le laboratoire {lab} a retiré le compte rendu de vos examens de biologie médicale validé le {validated} : ce compte rendu ne doit plus être utilisé.");
            lines.Add(string.Empty);
            lines.Add($"Pour toute question, adressez-vous au laboratoire {lab}.");
        }
    }

    private static void Announcement(List<string> lines, LabReport report, RecipientGroup group, DocumentAction action, string validated)
    {
        var p = report.Patient;
        var lab = report.Laboratory.Name;
        var custom = group == RecipientGroup.Professionals ? report.Delivery.MailBodyProfessional : report.Delivery.MailBodyPatient;
        if (action == DocumentAction.Replace)
        {
            lines.Add("Ce compte rendu annule et remplace la version précédemment transmise, qui ne doit plus être utilisée.");
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
    }
}

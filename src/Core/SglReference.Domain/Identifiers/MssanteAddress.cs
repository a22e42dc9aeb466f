using System.Text.RegularExpressions;
using SglReference.Domain.Validation;

namespace SglReference.Domain.Identifiers;

/// <summary>
/// The MSSanté address rule: an RFC 5321 mailbox (ASCII local part and domain) in the mssante.fr space
/// (e.g. dr.martin@medecin.mssante.fr, 279035121518989@patient.mssante.fr).
/// </summary>
public static partial class MssanteAddress
{
    /// <summary>The domain of patients' mailboxes.</summary>
    public const string PatientDomain = "patient.mssante.fr";

    /// <summary>What a patient's mailbox becomes in logs: its local part is the INS.</summary>
    public const string RedactedPatientMailbox = "[patient]@" + PatientDomain;

    /// <summary>
    /// <paramref name="text"/> with every patient mailbox (INS@patient.mssante.fr) replaced by
    /// <see cref="RedactedPatientMailbox"/>: for text bound to logs or the console, which carry no patient data unless
    /// the operator explicitly asks for it.
    /// </summary>
    public static string RedactPatientMailboxes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(PatientDomain, StringComparison.OrdinalIgnoreCase) ? PatientMailbox().Replace(text, RedactedPatientMailbox) : text;
    }

    [GeneratedRegex(@"[^\s<>""'(),;:\[\]]+@patient\.mssante\.fr", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PatientMailbox();

    /// <summary>Checks an MSSanté address; null when valid.</summary>
    public static RuleViolation? Check(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (address.Length > 254 || at < 1 || at != address.LastIndexOf('@') || at == address.Length - 1)
        {
            return new RuleViolation(ErrorCodes.MssanteAddress, "MSSanté address must be local-part@domain");
        }

        foreach (var c in address.AsSpan(0, at))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or '\''))
            {
                return new RuleViolation(ErrorCodes.MssanteAddress, $"MSSanté address local part may not contain '{c}'");
            }
        }

        var domain = address.AsSpan(at + 1);
        foreach (var c in domain)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
            {
                return new RuleViolation(ErrorCodes.MssanteAddress, $"MSSanté address domain may not contain '{c}'");
            }
        }

        if (!(domain.Equals("mssante.fr", StringComparison.OrdinalIgnoreCase) || domain.EndsWith(".mssante.fr", StringComparison.OrdinalIgnoreCase)))
        {
            return new RuleViolation(ErrorCodes.MssanteAddress, "MSSanté address must be in the mssante.fr domain");
        }

        return null;
    }

    /// <summary>The MSSanté mailbox of a patient: the INS matricule at patient.mssante.fr.</summary>
    public static string ForPatient(Ins ins)
    {
        ArgumentNullException.ThrowIfNull(ins);
        return ins.Matricule + "@" + PatientDomain;
    }
}

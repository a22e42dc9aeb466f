using SglReference.Domain;

namespace SglReference.MailboxDirectory;

/// <summary>
/// Before rendering (the lookup is I/O, rendering is pure): fills the missing MSSanté address of the prescriber, the
/// médecin traitant and each copy recipient that has an RPPS, from the directory. A professional the report gives a
/// mailbox keeps it; a lookup that finds nothing or fails leaves the report as it was and says so.
/// </summary>
public static class MailboxEnrichment
{
    /// <summary>The report with the addresses found, and one note per lookup made.</summary>
    public static async Task<(LabReport Report, IReadOnlyList<MailboxNote> Notes)> FillAsync(LabReport report, IMailboxDirectory directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(directory);
        var notes = new List<MailboxNote>();

        async Task<Practitioner?> Fill(Practitioner? practitioner, string role)
        {
            if (practitioner is not { Rpps: { } rpps, MssanteAddress: null })
            {
                return practitioner;
            }

            var lookup = await directory.FindAsync(rpps, cancellationToken).ConfigureAwait(false);
            notes.Add(new MailboxNote(role, lookup));
            return lookup.Outcome == MailboxLookupOutcome.Found ? practitioner with { MssanteAddress = lookup.Address } : practitioner;
        }

        var prescriber = await Fill(report.Prescriber, "prescriber").ConfigureAwait(false);
        var attending = await Fill(report.AttendingPhysician, "attendingPhysician").ConfigureAwait(false);
        var copies = new List<Correspondent>(report.CopiesTo.Count);
        for (var i = 0; i < report.CopiesTo.Count; i++)
        {
            var copy = report.CopiesTo[i];
            copies.Add(copy with { Practitioner = (await Fill(copy.Practitioner, $"copiesTo[{i}]").ConfigureAwait(false))! });
        }

        var filled = report with { Prescriber = prescriber, AttendingPhysician = attending, CopiesTo = new ValueList<Correspondent>(copies) };
        return (filled, notes);
    }
}

/// <summary>One lookup made for a report: which professional (model path) and what the directory said.</summary>
/// <param name="Role">prescriber, attendingPhysician or copiesTo[i].</param>
/// <param name="Lookup">The answer.</param>
public sealed record MailboxNote(string Role, MailboxLookup Lookup)
{
    /// <summary>"prescriber RPPS …: address" for people.</summary>
    public override string ToString() => $"{Role} {Lookup}";
}

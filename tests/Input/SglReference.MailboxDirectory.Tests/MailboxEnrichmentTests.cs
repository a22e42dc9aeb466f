using SglReference.MailboxDirectory;
using SglReference.Testing;

namespace SglReference.MailboxDirectory.Tests;

[Trait("Needs", "node")]
public sealed class MailboxEnrichmentTests : IDisposable
{
    private readonly AnnuairePeer _peer = AnnuairePeer.Start();
    private readonly HttpClient _http = new();

    [Fact]
    public async Task Only_professionals_without_a_mailbox_are_looked_up_and_filled()
    {
        var report = Repo.Load("thyroid");
        report = report with
        {
            Prescriber = report.Prescriber! with { Rpps = AnnuairePeer.FoundRpps, MssanteAddress = null },
            AttendingPhysician = report.AttendingPhysician! with { Rpps = AnnuairePeer.NotFoundRpps, MssanteAddress = null },
        };
        var keeps = report.CopiesTo.Select(c => c.Practitioner.MssanteAddress).ToList();
        var directory = new AnnuaireSanteDirectory(_http, new AnnuaireOptions(_peer.BaseUrl), AnnuairePeer.ApiKey);

        var (filled, notes) = await MailboxEnrichment.FillAsync(report, directory);

        Assert.Equal("pascal.charles@medecin.mssante.fr", filled.Prescriber!.MssanteAddress);
        Assert.Null(filled.AttendingPhysician!.MssanteAddress);
        Assert.Equal(keeps, filled.CopiesTo.Select(c => c.Practitioner.MssanteAddress));
        Assert.Equal(["prescriber", "attendingPhysician"], notes.Select(n => n.Role));
        Assert.Equal([MailboxLookupOutcome.Found, MailboxLookupOutcome.NotFound], notes.Select(n => n.Lookup.Outcome));
        Assert.Equal(report with { Prescriber = filled.Prescriber }, filled);
    }

    public void Dispose()
    {
        _http.Dispose();
        _peer.Dispose();
    }
}

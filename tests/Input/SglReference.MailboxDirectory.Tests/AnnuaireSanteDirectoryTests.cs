using SglReference.MailboxDirectory;
using SglReference.Testing;

namespace SglReference.MailboxDirectory.Tests;

/// <summary>The Annuaire Santé client against a real local FHIR server process serving the IG's shapes.</summary>
[Trait("Needs", "node")]
public sealed class AnnuaireSanteDirectoryTests : IDisposable
{
    private readonly AnnuairePeer _peer = AnnuairePeer.Start();
    private readonly HttpClient _http = new();

    private AnnuaireSanteDirectory Directory(string key = AnnuairePeer.ApiKey, TimeSpan? timeout = null) =>
        new(_http, new AnnuaireOptions(_peer.BaseUrl, Timeout: timeout), key);

    [Fact]
    public async Task A_published_mailbox_is_found_with_the_query_the_api_documents()
    {
        var lookup = await Directory().FindAsync(AnnuairePeer.FoundRpps);
        Assert.Equal(MailboxLookupOutcome.Found, lookup.Outcome);
        Assert.Equal("pascal.charles@medecin.mssante.fr", lookup.Address);
        Assert.Equal("PractitionerRole/pr-charles-1", Assert.Single(lookup.Candidates).Source);

        var request = Assert.Single(_peer.Received(1));
        Assert.Equal("/fhir/v1/PractitionerRole", request.GetProperty("path").GetString());
        var query = request.GetProperty("query");
        Assert.Equal("urn:oid:1.2.250.1.71.4.2.1|810002422979", query.GetProperty("practitioner.identifier").GetString());
        Assert.Equal("https://mos.esante.gouv.fr/NOS/TRE_R257-TypeBAL/FHIR/TRE-R257-TypeBAL|PER", query.GetProperty("mailbox-mss-type").GetString());
        Assert.True(request.GetProperty("key").GetBoolean());
        Assert.Equal("application/fhir+json", request.GetProperty("accept").GetString());
    }

    [Fact]
    public async Task No_published_mailbox_is_a_clear_not_found()
    {
        var lookup = await Directory().FindAsync(AnnuairePeer.NotFoundRpps);
        Assert.Equal(MailboxLookupOutcome.NotFound, lookup.Outcome);
        Assert.Null(lookup.Address);
        Assert.Contains("no PER MSSanté mailbox", lookup.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_several_mailboxes_over_two_pages_the_most_recently_updated_wins()
    {
        var lookup = await Directory().FindAsync(AnnuairePeer.SeveralRpps);
        Assert.Equal(MailboxLookupOutcome.Found, lookup.Outcome);
        Assert.Equal("a.leroy@ch-boulogne.mssante.fr", lookup.Address);
        // liste rouge, the ORG mailbox and the inactive role are left out; the Practitioner's copy is the same address
        Assert.Equal(["a.leroy@ch-boulogne.mssante.fr", "anne.leroy@medecin.mssante.fr"], lookup.Candidates.Select(c => c.Address));
        Assert.Equal(2, _peer.Received(2).Count);
    }

    [Fact]
    public async Task An_api_error_is_a_failure_with_its_operation_outcome()
    {
        var lookup = await Directory().FindAsync(AnnuairePeer.ErrorRpps);
        Assert.Equal(MailboxLookupOutcome.Failed, lookup.Outcome);
        Assert.Contains("HTTP 503", lookup.Detail, StringComparison.Ordinal);
        Assert.Contains("transient Service temporairement indisponible", lookup.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_failure_naming_the_401()
    {
        var lookup = await Directory(key: "wrong").FindAsync(AnnuairePeer.FoundRpps);
        Assert.Equal(MailboxLookupOutcome.Failed, lookup.Outcome);
        Assert.Contains("HTTP 401", lookup.Detail, StringComparison.Ordinal);
        Assert.Contains("ESANTE-API-KEY", lookup.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_next_link_to_another_host_is_not_followed()
    {
        var lookup = await Directory().FindAsync(AnnuairePeer.ForeignNextRpps);
        Assert.Equal(MailboxLookupOutcome.Failed, lookup.Outcome);
        Assert.Contains("elsewhere.example", lookup.Detail, StringComparison.Ordinal);
        Assert.Single(_peer.Received(1));
    }

    [Fact]
    public async Task A_directory_that_does_not_answer_fails_within_the_timeout()
    {
        var lookup = await Directory(timeout: TimeSpan.FromSeconds(1)).FindAsync(AnnuairePeer.SilentRpps);
        Assert.Equal(MailboxLookupOutcome.Failed, lookup.Outcome);
        Assert.Contains("within 1 s", lookup.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cache_answers_again_without_asking_but_asks_again_after_a_failure()
    {
        var time = new ManualTime(DateTimeOffset.Parse("2026-11-20T10:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture));
        var cached = new CachingMailboxDirectory(Directory(), TimeSpan.FromHours(1), time);
        Assert.Equal(MailboxLookupOutcome.Found, (await cached.FindAsync(AnnuairePeer.FoundRpps)).Outcome);
        Assert.Equal(MailboxLookupOutcome.Found, (await cached.FindAsync(AnnuairePeer.FoundRpps)).Outcome);
        Assert.Equal(MailboxLookupOutcome.NotFound, (await cached.FindAsync(AnnuairePeer.NotFoundRpps)).Outcome);
        Assert.Equal(MailboxLookupOutcome.NotFound, (await cached.FindAsync(AnnuairePeer.NotFoundRpps)).Outcome);
        await cached.FindAsync(AnnuairePeer.ErrorRpps);
        await cached.FindAsync(AnnuairePeer.ErrorRpps);
        time.Advance(TimeSpan.FromHours(2));
        await cached.FindAsync(AnnuairePeer.FoundRpps);
        var paths = _peer.Received(5)
            .Select(r => r.GetProperty("query").GetProperty("practitioner.identifier").GetString()![^11..]).ToList();
        Assert.Equal([AnnuairePeer.FoundRpps, AnnuairePeer.NotFoundRpps, AnnuairePeer.ErrorRpps, AnnuairePeer.ErrorRpps, AnnuairePeer.FoundRpps], paths);
    }

    [Fact]
    public async Task An_rpps_with_a_wrong_key_is_refused_before_any_request()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Directory().FindAsync("10002422978"));
        Assert.StartsWith("rpps: ", error.Message, StringComparison.Ordinal);
        Assert.Empty(_peer.Received(0));
    }

    public void Dispose()
    {
        _http.Dispose();
        _peer.Dispose();
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

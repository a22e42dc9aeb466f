using System.Text;
using System.Text.Json.Nodes;
using SglReference.Channels;
using SglReference.Dmp.Sending;
using SglReference.Dmp.Soap;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Testing;

namespace SglReference.Dmp.Tests;

/// <summary>
/// End to end over HTTPS with certificates on both ends against the strict double: publication, replacement,
/// visibility changes, archive and deletion kept in step with the registry; retries on injected faults; no retry on
/// permanent refusals.
/// </summary>
[Trait("Needs", "server")]
public sealed class DmpEndToEndTests(DmpServer server) : IClassFixture<DmpServer>
{
    private static readonly string Ins = Repo.Load("thyroid").Patient.QualifiedIns!.Matricule;

    [Fact]
    public async Task Send_replace_hide_show_and_delete_keep_the_registry_in_step()
    {
        server.Peer.Reset();
        using var client = server.Client();
        var first = server.Render(Repo.Load("biochemistry"));
        var firstIds = Ids(first);
        Assert.Equal(DeliveryStatus.Delivered, (await client.SendAsync(DmpServer.Request(first))).Status);
        Assert.All(firstIds, id => Assert.Equal("urn:oasis:names:tc:ebxml-regrep:StatusType:Approved", Latest(id)["status"]!.GetValue<string>()));

        // The correction replaces both documents: RPLC to the entryUUIDs the DMP assigned (found with ITI-18).
        var correction = server.Render(Repo.Load("correction"), previous: first.Issued);
        var replace = await client.SendAsync(DmpServer.Request(correction));
        Assert.True(replace.Status == DeliveryStatus.Delivered, replace.ToString());
        Assert.All(firstIds, id => Assert.Equal(DmpNamespaces.Deprecated, Latest(id)["status"]!.GetValue<string>()));
        var ids = Ids(correction);
        Assert.All(ids, id => Assert.Equal(DmpNamespaces.Approved, Latest(id)["status"]!.GetValue<string>()));
        Assert.Contains(server.Peer.Log(), l => (string?)l!["path"] == "/registry");

        // Hidden from the patient (consultation d'annonce), then shown: new versions of the entries, same uniqueId.
        var request = DmpServer.Request(correction);
        var hide = await client.ChangeVisibilityAsync(request, new VisibilityChange(InvisibleToPatient: true));
        Assert.True(hide.Status == DeliveryStatus.Delivered, hide.ToString());
        Assert.All(ids, id =>
        {
            var latest = Latest(id);
            Assert.Equal((2, DmpNamespaces.Approved), (latest["version"]!.GetValue<int>(), latest["status"]!.GetValue<string>()));
            Assert.Equal(["N", "INVISIBLE_PATIENT"], latest["confidentiality"]!.AsArray().Select(c => c!.GetValue<string>()));
        });
        var show = await client.ChangeVisibilityAsync(request, new VisibilityChange(InvisibleToPatient: false));
        Assert.True(show.Status == DeliveryStatus.Delivered, show.ToString());
        Assert.All(ids, id =>
        {
            var versions = server.Peer.Entries().Where(e => e!["uniqueId"]!.GetValue<string>() == id).ToList();
            Assert.Equal([DmpNamespaces.Deprecated, DmpNamespaces.Deprecated, DmpNamespaces.Approved], versions.OrderBy(v => v!["version"]!.GetValue<int>()).Select(v => v!["status"]!.GetValue<string>()));
            Assert.Equal(["N"], Latest(id)["confidentiality"]!.AsArray().Select(c => c!.GetValue<string>()));
        });

        // Withdrawal: the rendered ITI-57 deletion, its targets resolved with ITI-18.
        var withdrawal = server.Render(Repo.Load("correction"), RenderAction.Withdraw, correction.Issued);
        var delete = await client.SendAsync(DmpServer.Request(withdrawal));
        Assert.True(delete.Status == DeliveryStatus.Delivered, delete.ToString());
        Assert.All(ids, id => Assert.Equal(DmpNamespaces.Deleted, Latest(id)["status"]!.GetValue<string>()));
        Assert.All(server.Peer.Log(), l => Assert.Equal("sgl-test-client", (string?)l!["client"]));
    }

    [Fact]
    public async Task Archive_then_unarchive_then_delete_change_the_status_of_each_document()
    {
        server.Peer.Reset();
        using var client = server.Client();
        var package = server.Render(Repo.Load("coagulation"));
        var request = DmpServer.Request(package);
        Assert.Equal(DeliveryStatus.Delivered, (await client.SendAsync(request)).Status);
        foreach (var status in new[] { DmpNamespaces.Archived, DmpNamespaces.Approved, DmpNamespaces.Deleted })
        {
            var outcome = await client.ChangeStatusAsync(request, status);
            Assert.True(outcome.Status == DeliveryStatus.Delivered, outcome.ToString());
            Assert.All(Ids(package), id => Assert.Equal(status, Latest(id)["status"]!.GetValue<string>()));
        }

        // Nothing left to change: a deleted document is no longer found.
        Assert.Equal(("UnresolvedReferenceException", DeliveryStatus.Permanent), ((await client.ChangeStatusAsync(request, DmpNamespaces.Archived)).Code, DeliveryStatus.Permanent));
    }

    public static TheoryData<string, int> TransientFaults => new() { { "http503", 1 }, { "reset", 1 }, { "busy", 2 }, { "receiver", 1 } };

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task A_transient_fault_is_retried_until_the_request_is_delivered(string fault, int times)
    {
        server.Peer.Reset();
        server.Peer.Faults([.. Enumerable.Repeat((fault, "/repository", 0), times)]);
        using var client = server.Client();
        var outcome = await client.SendAsync(DmpServer.Request(server.Render(Repo.Load("haematology-cbc"))));
        Assert.True(outcome.Status == DeliveryStatus.Delivered, outcome.ToString());
        Assert.EndsWith($"(after {times + 1} attempts)", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(times + 1, server.Peer.Log().Count(l => (string?)l!["path"] == "/repository"));
        Assert.Equal(3, server.Peer.Entries().Count);
    }

    [Theory]
    [InlineData("lose", 0)]
    [InlineData("slow", 2500)]
    public async Task A_lost_or_late_answer_is_retried_and_the_resubmission_refused_as_a_duplicate_counts_as_delivered_once(string fault, int delay)
    {
        server.Peer.Reset();
        server.Peer.Faults((fault, "/repository", delay));
        using var client = server.Client(server.Options with { Timeout = TimeSpan.FromSeconds(1.2) });
        var outcome = await client.SendAsync(DmpServer.Request(server.Render(Repo.Load("microbiology-urine"))));
        Assert.True(outcome.Status == DeliveryStatus.Delivered, outcome.ToString());
        Assert.Equal("XDSDuplicateUniqueIdInRegistry", outcome.Code);
        Assert.Contains("already registered with the same content", outcome.Detail, StringComparison.Ordinal);
        // The first attempt was registered and its answer lost; every later one (ours, and the HTTP stack's own retry on a
        // dropped pooled connection) is refused as a duplicate.
        var iti41 = server.Peer.Log().Where(l => (string?)l!["path"] == "/repository").Select(l => DmpPeer.Codes(l!).Split(',')[0]).ToList();
        Assert.True(iti41.Count >= 2, string.Join(" ", iti41));
        Assert.Equal("Success", iti41[0]);
        Assert.All(iti41.Skip(1), c => Assert.Equal("XDSDuplicateUniqueIdInRegistry", c));
        Assert.Equal(3, server.Peer.Entries().Count); // registered once
    }

    [Theory]
    [InlineData("absent", "DMPNotFound")]
    [InlineData("closed", "DMPClosed")]
    public async Task No_DMP_or_a_closed_one_stops_the_document_after_TD02_without_retry(string state, string code)
    {
        server.Peer.Reset();
        server.Peer.Patient(Ins, state);
        using var client = server.Client();
        var outcome = await client.SendAsync(DmpServer.Request(server.Render(Repo.Load("thyroid"))));
        Assert.Equal((DeliveryStatus.Permanent, code), (outcome.Status, outcome.Code));
        var log = server.Peer.Log();
        Assert.Equal(["/patients"], log.Select(l => (string)l!["path"]!));
        Assert.Empty(server.Peer.Entries());
    }

    [Fact]
    public async Task A_metadata_error_is_permanent_and_sent_once_and_Busy_on_every_attempt_stays_transient()
    {
        server.Peer.Reset();
        using var client = server.Client();
        var request = DmpServer.Request(server.Render(Repo.Load("subcontracted")));
        var broken = request with { Body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(request.Body.Span).Replace("nodeRepresentation=\"AMBULATOIRE\"", "nodeRepresentation=\"CABINET\"", StringComparison.Ordinal)) };
        var outcome = await client.SendAsync(broken);
        Assert.Equal((DeliveryStatus.Permanent, "XDSRegistryMetadataError"), (outcome.Status, outcome.Code));
        Assert.Contains("practiceSettingCode", outcome.Detail, StringComparison.Ordinal);
        Assert.Single(server.Peer.Log(), l => (string?)l!["path"] == "/repository");

        server.Peer.Reset();
        server.Peer.Faults([.. Enumerable.Repeat(("busy", "/repository", 0), server.Options.Attempts)]);
        var busy = await client.SendAsync(request);
        Assert.Equal((DeliveryStatus.Transient, "XDSRepositoryBusy"), (busy.Status, busy.Code));
        Assert.Equal(server.Options.Attempts, server.Peer.Log().Count(l => (string?)l!["path"] == "/repository"));
        Assert.Empty(server.Peer.Entries());
    }

    [Fact]
    public async Task A_replacement_of_a_document_the_DMP_does_not_hold_is_refused_before_the_ITI41()
    {
        server.Peer.Reset();
        using var client = server.Client();
        var first = server.Render(Repo.Load("biochemistry"));
        var outcome = await client.SendAsync(DmpServer.Request(server.Render(Repo.Load("correction"), previous: first.Issued)));
        Assert.Equal((DeliveryStatus.Permanent, "UnresolvedReferenceException"), (outcome.Status, outcome.Code));
        Assert.DoesNotContain(server.Peer.Log(), l => (string?)l!["path"] == "/repository");
    }

    [Fact]
    public async Task A_client_certificate_outside_the_DMP_authorities_is_refused_at_the_handshake()
    {
        server.Peer.Reset();
        using var client = server.Client(server.Options with { AuthenticationCertificate = server.Certificates.UntrustedClient, Attempts = 1 });
        var outcome = await client.SendAsync(DmpServer.Request(server.Render(Repo.Load("thyroid"))));
        Assert.Equal((DeliveryStatus.Transient, "connection"), (outcome.Status, outcome.Code));
        Assert.Empty(server.Peer.Log());
    }

    [Theory]
    [InlineData("soap11", "VersionMismatch")]
    [InlineData("include-unresolved", "XDSMissingDocument")]
    [InlineData("action-without-mustUnderstand", "wsa:InvalidAddressingHeader")]
    [InlineData("patient-mismatch", "XDSPatientIdDoesNotMatch")]
    public async Task The_double_refuses_a_broken_envelope_or_MTOM_structure_with_the_DMP_code(string mutation, string code)
    {
        server.Peer.Reset();
        var report = Repo.Load("hospital-stay");
        var ins = report.Patient.QualifiedIns!.Matricule;
        var request = DmpServer.Request(server.Render(report));
        var text = Encoding.UTF8.GetString(request.Body.Span);
        var cid = text[(text.IndexOf("href=\"cid:", StringComparison.Ordinal) + 10)..];
        cid = cid[..cid.IndexOf('"', StringComparison.Ordinal)];
        var edited = mutation switch
        {
            "soap11" => text.Replace("http://www.w3.org/2003/05/soap-envelope", "http://schemas.xmlsoap.org/soap/envelope/", StringComparison.Ordinal),
            "include-unresolved" => text.Replace("href=\"cid:" + cid, "href=\"cid:nothing-" + cid, StringComparison.Ordinal),
            "action-without-mustUnderstand" => text.Replace("<wsa:Action soap:mustUnderstand=\"true\">", "<wsa:Action>", StringComparison.Ordinal),
            _ => ReplaceSecond(text, "value=\"" + ins + "^^^", "value=\"" + "180087502500012" + "^^^"),
        };
        Assert.NotEqual(text, edited);
        using var http = new DmpHttp(server.Options.AuthenticationCertificate!, server.Options.TrustedAuthorities!, TimeSpan.FromSeconds(10));
        var outcome = DmpOutcomes.Of(await http.PostAsync(server.Options.RepositoryUri, request with { Body = Encoding.UTF8.GetBytes(edited) }, CancellationToken.None), "ITI-41");
        Assert.True(outcome.Status == DeliveryStatus.Permanent && outcome.Code!.Contains(code, StringComparison.Ordinal), outcome.ToString());
        Assert.Single(server.Peer.Log(), l => (string?)l!["path"] == "/repository");
        Assert.Empty(server.Peer.Entries());
    }

    [Fact]
    public async Task The_transport_sends_the_channel_message_and_refuses_another_channel_s()
    {
        server.Peer.Reset();
        var package = server.Render(Repo.Load("special-characters"));
        using var transport = new DmpTransport(server.Options);
        Assert.Equal("dmp", transport.Channel);
        var outcome = await transport.SendAsync(package.Messages.Single(m => m.Channel == "dmp"));
        Assert.True(outcome.Status == DeliveryStatus.Delivered, outcome.ToString());
        var other = await transport.SendAsync(package.Messages.First(m => m.Channel != "dmp"));
        Assert.Equal((DeliveryStatus.Permanent, "SGL-DMP-REQUEST"), (other.Status, other.Code));
    }

    private static string ReplaceSecond(string text, string from, string to)
    {
        var first = text.IndexOf(from, StringComparison.Ordinal);
        var second = text.IndexOf(from, first + from.Length, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, second), to, text.AsSpan(second + from.Length));
    }

    private static IReadOnlyList<string> Ids(RenderPackage package) => package.Documents.Cda(Audience.Professional, includeN1: true).Select(d => d.Identity.Id).ToList();

    private JsonNode Latest(string uniqueId) =>
        server.Peer.Entries().Where(e => e!["uniqueId"]!.GetValue<string>() == uniqueId).MaxBy(e => e!["version"]!.GetValue<int>())!;
}

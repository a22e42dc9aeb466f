using SglReference.Channels;
using SglReference.Domain.Documents;

namespace SglReference.Delivery.Tests;

/// <summary>The outbox on a real SQLite store: claims, order per chain, leases, results, dead letter, retry.</summary>
public sealed class OutboxTests : IDisposable
{
    private static readonly DateTimeOffset T0 = StoreFixture.T0;
    private readonly StoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static DispatcherOptions Options(int attempts = 3) => new(new DeliveryPolicy(attempts, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), 0), 8, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(100));

    private OutboxDispatcher Dispatcher(IMessageTransport transport, FixedClock clock, int attempts = 3) =>
        new(_fixture.Store, [transport], Options(attempts), "dispatcher", clock, random: () => 0);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private async Task<DeliveryView> DeliveryAsync(string reportId, int version, string channel = "hl7v2") =>
        (await _fixture.Store.FindAsync(reportId))!.Deliveries.Single(d => d.Version == version && d.Channel == channel);

    [Fact]
    public async Task A_replacement_is_not_claimed_before_what_it_replaces_was_sent()
    {
        await _fixture.RenderAsync("R1", 1, ("hl7v2", "pfi"), ("mss", "professionals"));
        await _fixture.RenderAsync("R1", 2, ("hl7v2", "pfi"), ("mss", "professionals"));
        var first = await _fixture.Store.ClaimAsync("a", ["hl7v2", "mss"], 10, T0, T0.AddMinutes(1));
        Assert.Equal([1, 1], first.Select(m => m.Version));
        Assert.Empty(await _fixture.Store.ClaimAsync("b", ["hl7v2", "mss"], 10, T0, T0.AddMinutes(1))); // v1 claimed: nothing else due

        var hl7 = first.Single(m => m.Channel == "hl7v2");
        Assert.True(await _fixture.Store.RecordAsync(hl7, "a", new DeliveryResult(DeliveryState.Sent, 1, T0, "AA", "ok", T0)));
        var next = await _fixture.Store.ClaimAsync("b", ["hl7v2", "mss"], 10, T0, T0.AddMinutes(1));
        var v2 = Assert.Single(next);
        Assert.Equal(("hl7v2", 2), (v2.Channel, v2.Version)); // the MSSanté chain still waits for its v1
    }

    [Fact]
    public async Task A_lease_keeps_a_message_from_a_second_dispatcher_until_it_expires_and_a_lost_lease_records_nothing()
    {
        await _fixture.RenderAsync("R2", 1, ("hl7v2", "pfi"));
        var claimed = Assert.Single(await _fixture.Store.ClaimAsync("a", ["hl7v2"], 10, T0, T0.AddSeconds(30)));
        Assert.Empty(await _fixture.Store.ClaimAsync("b", ["hl7v2"], 10, T0.AddSeconds(29), T0.AddSeconds(90)));
        var reclaimed = Assert.Single(await _fixture.Store.ClaimAsync("b", ["hl7v2"], 10, T0.AddSeconds(31), T0.AddSeconds(90)));
        Assert.Equal(claimed.Id, reclaimed.Id);
        Assert.False(await _fixture.Store.RecordAsync(claimed, "a", new DeliveryResult(DeliveryState.Sent, 1, T0, "AA", "late", T0)));
        Assert.Equal("pending", (await DeliveryAsync("R2", 1)).Status);
        Assert.Equal(1, await _fixture.Store.ReleaseAsync("b"));
        Assert.Single(await _fixture.Store.ClaimAsync("c", ["hl7v2"], 10, T0.AddSeconds(32), T0.AddSeconds(90)));
    }

    [Fact]
    public async Task A_transient_failure_is_retried_after_its_backoff_and_a_permanent_one_goes_straight_to_the_dead_letter()
    {
        await _fixture.RenderAsync("R3", 1, ("hl7v2", "pfi"));
        await _fixture.RenderAsync("R4", 1, ("mss", "professionals"));
        var clock = new FixedClock(T0);
        var hl7 = new ScriptedTransport("hl7v2", DeliveryOutcome.Transient("connection: refused"), DeliveryOutcome.Delivered("accepted", "AA"));
        var mss = new ScriptedTransport("mss", DeliveryOutcome.Permanent("recipient 279035121518989@patient.mssante.fr refused: 550", "550"));
        var dispatcher = new OutboxDispatcher(_fixture.Store, [hl7, mss], Options(), "dispatcher", clock, random: () => 0);

        Assert.Equal(2, await dispatcher.RunOnceAsync());
        var failed = await DeliveryAsync("R3", 1);
        Assert.Equal(("failed", 1, "connection: refused"), (failed.Status, failed.Attempts, failed.LastError));
        Assert.Equal(T0.AddSeconds(10), failed.NextAttemptAt);
        var dead = await DeliveryAsync("R4", 1, "mss");
        Assert.Equal("dead", dead.Status);
        Assert.DoesNotContain("279035121518989", dead.LastError, StringComparison.Ordinal);

        clock.Now = T0.AddSeconds(9);
        Assert.Equal(0, await dispatcher.RunOnceAsync()); // not due yet, and the dead letter is never retried by itself
        clock.Now = T0.AddSeconds(10);
        Assert.Equal(1, await dispatcher.RunOnceAsync());
        var sent = await DeliveryAsync("R3", 1);
        Assert.Equal(("sent", 2), (sent.Status, sent.Attempts));
        Assert.Equal(T0.AddSeconds(10), sent.SentAt);
        Assert.Single(mss.Sent);
    }

    [Fact]
    public async Task Exhausted_retries_go_to_the_dead_letter_and_a_retry_puts_it_back_noting_who_asked()
    {
        await _fixture.RenderAsync("R5", 1, ("hl7v2", "pfi"));
        var clock = new FixedClock(T0);
        var transport = new ScriptedTransport("hl7v2", DeliveryOutcome.Transient("timeout"));
        var dispatcher = Dispatcher(transport, clock, attempts: 3);
        for (var i = 0; i < 3; i++)
        {
            await dispatcher.RunOnceAsync();
            clock.Now = clock.Now.AddMinutes(5);
        }

        var dead = await DeliveryAsync("R5", 1);
        Assert.Equal(("dead", 3), (dead.Status, dead.Attempts));
        Assert.StartsWith("gave up after 3 attempts", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await dispatcher.RunOnceAsync());
        Assert.Single(await _fixture.Store.DeadLettersAsync(10));

        Assert.True(await _fixture.Store.RetryAsync(dead.Id, "biologiste@lab", clock.Now));
        Assert.False(await _fixture.Store.RetryAsync(dead.Id, "biologiste@lab", clock.Now)); // no longer dead
        Assert.Equal("pending", (await DeliveryAsync("R5", 1)).Status);
        var audit = await _fixture.Store.AuditAsync("R5");
        var retried = Assert.Single(audit, a => a.Event == "retried");
        Assert.Equal("biologiste@lab", retried.Actor);
        Assert.Equal(3, audit.Count(a => a.Event is "failed" or "dead"));
    }

    [Fact]
    public async Task The_lineage_keeps_the_whole_identity_of_each_issued_version()
    {
        await _fixture.RenderAsync("R6", 1, ("hl7v2", "pfi"));
        await _fixture.RenderAsync("R6", 2, ("hl7v2", "pfi"));
        var last = Assert.Single(await _fixture.Store.LastIssuedAsync("R6"));
        Assert.Equal(2, last.Identity.Version);
        Assert.Equal(2, last.Revision);
        Assert.Equal(new DocumentIdentity("1.2.3.1.R6.1", "1.2.3.2.R6", 1), last.Identity.Replaces);
        Assert.Equal([1, 2], (await _fixture.Store.HistoryAsync("R6")).Select(d => d.Identity.Version));
    }

    [Fact]
    public async Task A_render_job_waits_for_the_earlier_revision_of_its_report_and_a_lost_lease_commits_nothing()
    {
        var body = "{}"u8.ToArray();
        await _fixture.Store.AcceptAsync(new ReportSubmission("R7", 1, "920001234", "json", body, "h1", "t"), T0);
        await _fixture.Store.AcceptAsync(new ReportSubmission("R7", 2, "920001234", "json", body, "h2", "t"), T0);
        var job1 = await _fixture.Store.ClaimJobAsync("w1", T0, T0.AddSeconds(30));
        Assert.Equal(1, job1!.Revision);
        Assert.Null(await _fixture.Store.ClaimJobAsync("w2", T0, T0.AddSeconds(30))); // revision 2 waits for revision 1
        var again = await _fixture.Store.ClaimJobAsync("w2", T0.AddSeconds(31), T0.AddSeconds(60)); // w1 died: its lease expired
        Assert.Equal((job1.Id, 2), (again!.Id, again.Attempts));
        Assert.False(await _fixture.Store.CommitRenderAsync(new RenderCommit(job1, [], [], [], "late"), "w1", T0.AddSeconds(32)));
        Assert.True(await _fixture.Store.CommitRenderAsync(new RenderCommit(again, [], [], [], "ok"), "w2", T0.AddSeconds(33)));
        Assert.Equal(2, (await _fixture.Store.ClaimJobAsync("w2", T0.AddSeconds(34), T0.AddSeconds(60)))!.Revision);
    }

    [Fact]
    public async Task A_second_process_cannot_open_the_same_data_directory()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new SglReference.Delivery.Sqlite.SqliteDeliveryStore(_fixture.Directory));
        Assert.Contains("in use by another sgl serve", ex.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }
}

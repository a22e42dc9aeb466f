using SglReference.Domain;
using SglReference.Engine;
using SglReference.Testing;

namespace SglReference.Engine.Tests;

/// <summary>Channels are optional: one that cannot run for a report is not planned, and says why.</summary>
public sealed class ChannelPlanningTests
{
    private static LabReport WithoutMailbox() =>
        Repo.Load("biochemistry") is var r ? r with { Laboratory = r.Laboratory with { MssanteMailbox = null } } : null!;

    [Fact]
    public void A_lab_without_an_mssante_mailbox_gets_its_documents_and_other_channels()
    {
        var package = RenderCache.Render(WithoutMailbox());
        Assert.Equal(6, package.Documents.All.Count); // PDF, N3, N1 of both versions
        Assert.Contains(package.Messages, m => m.Channel == "hl7v2");
        Assert.DoesNotContain(package.Messages, m => m.Channel == "mss");
        var mss = package.Channels.Single(c => c.Channel == "mss");
        Assert.False(mss.Planned);
        Assert.Contains("laboratory.mssanteMailbox", mss.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_tells_why_a_channel_will_not_run_without_rendering()
    {
        var (_, channels) = RenderCache.Default.Check(WithoutMailbox());
        Assert.True(channels.Single(c => c.Channel == "hl7v2").Planned);
        Assert.Contains("BAL applicative", channels.Single(c => c.Channel == "mss").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_channel_the_lab_turns_off_is_not_planned()
    {
        var report = Repo.Load("thyroid");
        var profile = RenderCache.Default.ProfileFor(report) with { Channels = new ChannelSwitches(new Dictionary<string, bool> { ["hl7v2"] = false }) };
        var package = RenderCache.Default.Render(new RenderRequest(report) { Profile = profile });
        Assert.DoesNotContain(package.Messages, m => m.Channel == "hl7v2");
        Assert.Contains(package.Messages, m => m.Channel == "mss");
        Assert.Equal("hl7v2: turned off for this laboratory", package.Channels.Single(c => c.Channel == "hl7v2").Reason);
    }

    [Fact]
    public void Every_message_has_a_destination_an_idempotency_key_and_its_place_in_the_chain()
    {
        var correction = RenderCache.Render(Repo.Load("correction"), previous: RenderCache.Package("biochemistry").Issued);
        var original = RenderCache.Package("biochemistry");
        foreach (var message in correction.Messages.Concat(original.Messages))
        {
            Assert.False(string.IsNullOrEmpty(message.Destination));
            Assert.Equal(message.Document.SetId, message.ChainKey);
        }

        Assert.Equal(correction.Messages.Count, correction.Messages.Select(m => m.IdempotencyKey).Distinct().Count());
        Assert.Empty(correction.Messages.Select(m => m.IdempotencyKey).Intersect(original.Messages.Select(m => m.IdempotencyKey)));
        // A replacement comes after what it replaces in its chain.
        foreach (var message in correction.Messages)
        {
            var replaced = original.Messages.Where(m => m.ChainKey == message.ChainKey && m.Channel == message.Channel).ToList();
            Assert.NotEmpty(replaced);
            Assert.All(replaced, r => Assert.True(r.Sequence < message.Sequence));
        }

        // Rendering the same emission twice gives the same keys (the outbox enters it once).
        Assert.Equal(original.Messages.Select(m => m.IdempotencyKey), RenderCache.Default.Render(new RenderRequest(Repo.Load("biochemistry"))).Messages.Select(m => m.IdempotencyKey));
    }
}

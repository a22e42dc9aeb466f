using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;
using SglReference.Domain.Validation;
using SglReference.Engine;
using SglReference.Hl7v2.Codec;
using SglReference.Testing;

namespace SglReference.Engine.Tests;

/// <summary>Document identities and the action are decided once, from what was issued before.</summary>
public sealed class LineageTests
{
    [Fact]
    public void A_withdrawal_names_the_last_issued_version_of_each_chain()
    {
        var v1 = RenderCache.Package("biochemistry");
        // The correction (revision 2) was never issued: withdrawing it deletes version 1, the one the receivers hold.
        var withdrawal = RenderCache.Render(Repo.Load("correction"), action: RenderAction.Withdraw, previous: v1.Issued);
        Assert.Equal(DocumentAction.Delete, withdrawal.Action);
        foreach (var issued in v1.Issued)
        {
            var kind = issued.Format == DocumentFormat.N3 ? Channels.DocumentKind.CdaN3 : Channels.DocumentKind.CdaN1;
            Assert.Equal(issued.Identity, withdrawal.Documents.Get(kind, issued.Audience).Identity);
        }

        var oru = Hl7Parser.Parse(withdrawal.Messages.First(m => m.Channel == "hl7v2").Content.Span);
        Assert.Equal("CA", oru.First("ORC")!.Value(1));
        Assert.Equal("D", oru.All("OBX").First().Value(11));
    }

    [Fact]
    public void A_withdrawal_of_nothing_issued_is_refused()
    {
        var refused = Assert.Throws<RenderException>(() => RenderCache.Render(Repo.Load("correction"), action: RenderAction.Withdraw));
        Assert.All(refused.Errors, e => Assert.Equal(("revision", ErrorCodes.Consistency), (e.Path, e.Code)));
        Assert.Equal(4, refused.Errors.Count); // N3 and N1 of both versions
        Assert.Contains("a withdrawal names the last issued version", refused.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_an_issued_revision_again_keeps_its_whole_identity_and_its_replacement()
    {
        var v1 = RenderCache.Package("biochemistry");
        var correction = Repo.Load("correction");
        var first = RenderCache.Render(correction, previous: v1.Issued);
        Assert.Equal(DocumentAction.Replace, first.Action);
        // What a lineage store keeps of the first run: each issued version with what it replaced.
        var again = RenderCache.Render(correction, previous: first.Issued);
        Assert.Equal(DocumentAction.Replace, again.Action);
        Assert.Equal(first.Issued, again.Issued);
        Assert.All(again.Issued, d => Assert.NotNull(d.Identity.Replaces));
        var oru = Hl7Parser.Parse(again.Messages.First(m => m.Channel == "hl7v2").Content.Span);
        Assert.Equal("RO", oru.First("ORC")!.Value(1));
        Assert.Equal("C", oru.All("OBX").First().Value(11));
    }

    [Fact]
    public void An_older_revision_than_the_issued_one_is_refused()
    {
        var v2 = RenderCache.Render(Repo.Load("correction"), previous: RenderCache.Package("biochemistry").Issued);
        var refused = Assert.Throws<RenderException>(() => RenderCache.Render(Repo.Load("biochemistry"), previous: v2.Issued));
        Assert.Contains("revision 1 is older than revision 2", refused.Errors[0].Message, StringComparison.Ordinal);
    }
}

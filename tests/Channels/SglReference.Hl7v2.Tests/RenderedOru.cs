using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Hl7v2.Codec;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Hl7v2.Tests;

/// <summary>The ORU messages of the fixtures, rendered through the engine (as sgl render does) at a fixed time.</summary>
internal static class RenderedOru
{
    public static IReadOnlyList<Artifact> Artifacts(string fixture) => RenderCache.Artifacts(fixture);

    public static IReadOnlyList<Artifact> Messages(string fixture) => Artifacts(fixture).Where(a => a.Kind == ArtifactKinds.Hl7v2Oru).ToList();

    public static Hl7Message Parse(Artifact artifact) => Hl7Parser.Parse(artifact.Content.Span);

    public static Hl7Message Single(string fixture) => Parse(Assert.Single(Messages(fixture)));

    public static Artifact N3(string fixture) => Artifacts(fixture).Single(a => a.Kind == ArtifactKinds.CdaN3 && a.Audience == Audience.Professional);

    /// <summary>Renders a report built from a fixture with changes, with a given configuration.</summary>
    public static IReadOnlyList<Artifact> Render(LabReport report, SglConfiguration? configuration = null, RenderAction action = RenderAction.Publish, IReadOnlyList<IssuedDocument>? previous = null) =>
        RenderCache.Render(report, configuration, action, previous).Artifacts;

    /// <summary>An official example message of ../shared/hl7v2-examples.</summary>
    public static Hl7Message Official(string relativePath) => Hl7Parser.Parse(File.ReadAllBytes(OfficialPath(relativePath)));

    public static string OfficialPath(string relativePath) => Path.Combine(Repo.Shared, "hl7v2-examples", relativePath);

    public const string SegurInit = "oru-init-segur/message_ORU_CR_Bio_INIT_N3_SEGUR.hl7";
    public const string Replacement = "oru-v2.1-rplc/message_ORU_CR_Bio_RPLC_N1_N3.er7";
    public const string Deletion = "oru-v2.1-del/message_ORU_CR_Bio_DEL_N1_N3.er7";
}

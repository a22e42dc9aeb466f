using System.Xml.Linq;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Testing;

namespace SglReference.Cda.Tests;

/// <summary>Every fixture rendered once (default configuration: two versions, N3 and N1), from the shared render cache.</summary>
public sealed class RenderedReports
{
    public SglEngine Engine => RenderCache.Default;

    public IReadOnlyList<Artifact> Artifacts(string fixture) => RenderCache.Artifacts(fixture);

    public Artifact Get(string fixture, string kind, Audience audience) => Artifacts(fixture).Get(kind, audience);

    public static XDocument Xml(Artifact artifact)
    {
        using var stream = new MemoryStream(artifact.Bytes());
        return XDocument.Load(stream);
    }
}

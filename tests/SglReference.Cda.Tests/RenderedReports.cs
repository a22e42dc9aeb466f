using System.Collections.Concurrent;
using System.Xml.Linq;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Pipeline;
using SglReference.Testing;

namespace SglReference.Cda.Tests;

/// <summary>Every fixture rendered once (default configuration: two versions, N3 and N1) and shared by the tests.</summary>
public sealed class RenderedReports
{
    private readonly Lazy<ReportRenderer> _renderer = new(() => new ReportRenderer(SglConfiguration.Default));
    private readonly ConcurrentDictionary<string, IReadOnlyList<Artifact>> _artifacts = new();

    public ReportRenderer Renderer => _renderer.Value;

    public IReadOnlyList<Artifact> Artifacts(string fixture) => _artifacts.GetOrAdd(fixture, f => Renderer.Render(Repo.Load(f)));

    public Artifact Get(string fixture, string kind, Audience audience) =>
        Artifacts(fixture).Single(a => a.Kind == kind && a.Audience == audience);

    public static XDocument Xml(Artifact artifact)
    {
        using var stream = new MemoryStream(artifact.Content);
        return XDocument.Load(stream);
    }
}

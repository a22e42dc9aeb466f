using System.Collections.Concurrent;
using System.IO.Compression;
using System.Xml.Linq;
using SglReference.Domain;
using SglReference.Pipeline;
using SglReference.Testing;

namespace SglReference.Mss.Tests;

/// <summary>The fixtures' MSSanté artifacts rendered through the pipeline (as sgl render does) at a fixed time.</summary>
internal static class RenderedMss
{
    private static readonly Lazy<ReportRenderer> s_renderer = new(() => new ReportRenderer(SglConfiguration.Default, FixedTime.Default));
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Artifact>> s_artifacts = new();

    public static IReadOnlyList<Artifact> Artifacts(string fixture) => s_artifacts.GetOrAdd(fixture, f => s_renderer.Value.Render(Repo.Load(f)));

    public static IReadOnlyList<Artifact> Render(LabReport report, SglConfiguration? configuration = null, bool withdraw = false, Domain.Documents.IDocumentLineage? lineage = null) =>
        (configuration is null ? s_renderer.Value : new ReportRenderer(configuration, FixedTime.Default)).Render(report, lineage, withdraw);

    public static IReadOnlyList<Artifact> Archives(IReadOnlyList<Artifact> artifacts) => artifacts.Where(a => a.Kind == ArtifactKinds.IheXdm).ToList();

    public static IReadOnlyList<Artifact> Messages(IReadOnlyList<Artifact> artifacts) => artifacts.Where(a => a.Kind == ArtifactKinds.MssMessage).ToList();

    /// <summary>Every entry of a zip: name → bytes.</summary>
    public static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries[entry.FullName] = copy.ToArray();
        }

        return entries;
    }

    public static XDocument Metadata(byte[] zip) => XDocument.Load(new MemoryStream(Unzip(zip)["IHE_XDM/SUBSET01/METADATA.XML"]));

    /// <summary>The official ANS METADATA.XML (see Reference/README.md), read by local names (it declares no namespace).</summary>
    public static XDocument Official()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "DRIM-M_DATA-KA202401-METADATA.XML"));
        return XDocument.Parse(text.Replace("<ns3:", "<", StringComparison.Ordinal).Replace("</ns3:", "</", StringComparison.Ordinal));
    }
}

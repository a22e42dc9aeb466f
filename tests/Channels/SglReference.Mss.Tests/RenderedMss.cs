using System.IO.Compression;
using System.Xml.Linq;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Engine;
using SglReference.Hosting;
using SglReference.Testing;

namespace SglReference.Mss.Tests;

/// <summary>The fixtures' MSSanté artifacts rendered through the pipeline (as sgl render does) at a fixed time.</summary>
internal static class RenderedMss
{
    public static IReadOnlyList<Artifact> Artifacts(string fixture) => RenderCache.Artifacts(fixture);

    public static IReadOnlyList<Artifact> Render(LabReport report, SglConfiguration? configuration = null, RenderAction action = RenderAction.Publish, IReadOnlyList<IssuedDocument>? previous = null) =>
        RenderCache.Render(report, configuration, action, previous).Artifacts;

    public static IReadOnlyList<Artifact> Archives(IReadOnlyList<Artifact> artifacts) => artifacts.Where(a => a.Kind == ArtifactKinds.IheXdm).ToList();

    public static IReadOnlyList<Artifact> Messages(IReadOnlyList<Artifact> artifacts) => artifacts.Where(a => a.Kind == ArtifactKinds.MssMessage).ToList();

    /// <summary>Every entry of a zip: name → bytes.</summary>
    public static Dictionary<string, byte[]> Unzip(ReadOnlyMemory<byte> zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip.ToArray()), ZipArchiveMode.Read);
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

    public static XDocument Metadata(ReadOnlyMemory<byte> zip) => XDocument.Load(new MemoryStream(Unzip(zip)["IHE_XDM/SUBSET01/METADATA.XML"]));

    /// <summary>The official ANS METADATA.XML (see Reference/README.md), read by local names (it declares no namespace).</summary>
    public static XDocument Official()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "DRIM-M_DATA-KA202401-METADATA.XML"));
        return XDocument.Parse(text.Replace("<ns3:", "<", StringComparison.Ordinal).Replace("</ns3:", "</", StringComparison.Ordinal));
    }
}

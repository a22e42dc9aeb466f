using System.Text.Json;

namespace SglReference.Cli;

/// <summary>One file sgl render wrote, as listed in manifest.json.</summary>
/// <param name="Kind">pdf, cda-n3, cda-n1, hl7v2-oru, ihe-xdm, mss-message.</param>
/// <param name="Audience">professional, patient, or null when the artifact serves both.</param>
/// <param name="Path">Path relative to the output directory.</param>
/// <param name="MediaType">MIME type.</param>
/// <param name="DocumentId">Document id (root or root^extension) when the artifact is or carries a document.</param>
/// <param name="SetId">Set id of the document's version chain.</param>
/// <param name="Version">Version number of the document.</param>
internal sealed record ManifestArtifact(string Kind, string? Audience, string Path, string MediaType, string? DocumentId, string? SetId, int? Version);

/// <summary>manifest.json: what sgl render produced for one report.</summary>
/// <param name="ReportId">The report id.</param>
/// <param name="Artifacts">The files, in the order written.</param>
/// <param name="Revision">The report revision rendered (absent from older manifests).</param>
internal sealed record Manifest(string ReportId, IReadOnlyList<ManifestArtifact> Artifacts, int? Revision = null)
{
    public const string FileName = "manifest.json";

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("reportId", ReportId);
            if (Revision is { } revision)
            {
                writer.WriteNumber("revision", revision);
            }

            writer.WriteStartArray("artifacts");
            foreach (var a in Artifacts)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", a.Kind);
                WriteNullable(writer, "audience", a.Audience);
                writer.WriteString("path", a.Path);
                writer.WriteString("mediaType", a.MediaType);
                WriteNullable(writer, "documentId", a.DocumentId);
                WriteNullable(writer, "setId", a.SetId);
                if (a.Version is { } v)
                {
                    writer.WriteNumber("version", v);
                }
                else
                {
                    writer.WriteNull("version");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static Manifest Parse(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var artifacts = new List<ManifestArtifact>();
        foreach (var a in root.GetProperty("artifacts").EnumerateArray())
        {
            artifacts.Add(new ManifestArtifact(
                a.GetProperty("kind").GetString()!,
                OptionalString(a, "audience"),
                a.GetProperty("path").GetString()!,
                a.GetProperty("mediaType").GetString()!,
                OptionalString(a, "documentId"),
                OptionalString(a, "setId"),
                a.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null));
        }

        int? revision = root.TryGetProperty("revision", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt32() : null;
        return new Manifest(root.GetProperty("reportId").GetString()!, artifacts, revision);
    }

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}

using System.Text.Json;
using SglReference.Domain.Documents;

namespace SglReference.Cli;

/// <summary>
/// A lineage kept in a directory (sgl render --store DIR): one JSON file per report with the last version of each
/// document chain. Written after the outputs are in place.
/// </summary>
internal sealed class DirectoryLineage : IDocumentLineage
{
    private readonly string _directory;

    public DirectoryLineage(string directory) => _directory = directory;

    public IssuedDocument? Last(string reportId, DocumentFormat format, Audience audience) =>
        Read(reportId).FirstOrDefault(d => d.Format == format && d.Audience == audience);

    /// <summary>Records the documents just issued (replacing the previous version of each chain).</summary>
    public void Record(string reportId, IEnumerable<IssuedDocument> issued)
    {
        var documents = Read(reportId).ToList();
        foreach (var document in issued)
        {
            documents.RemoveAll(d => d.Format == document.Format && d.Audience == document.Audience);
            documents.Add(document);
        }

        Directory.CreateDirectory(_directory);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("reportId", reportId);
            writer.WriteStartArray("documents");
            foreach (var d in documents)
            {
                writer.WriteStartObject();
                writer.WriteString("format", d.Format.ToString());
                writer.WriteString("audience", d.Audience.ToString());
                writer.WriteString("id", d.Identity.Id);
                writer.WriteString("setId", d.Identity.SetId);
                writer.WriteNumber("version", d.Identity.Version);
                writer.WriteNumber("revision", d.Revision);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var path = PathOf(reportId);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, buffer.ToArray());
        File.Move(temporary, path, overwrite: true);
    }

    public static string? AudienceName(Audience audience) => audience switch
    {
        Audience.Professional => "professional",
        Audience.Patient => "patient",
        _ => null,
    };

    private string PathOf(string reportId) => Path.Combine(_directory, reportId + ".json");

    private List<IssuedDocument> Read(string reportId)
    {
        var path = PathOf(reportId);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.GetProperty("documents").EnumerateArray().Select(d => new IssuedDocument(
                Enum.Parse<DocumentFormat>(d.GetProperty("format").GetString()!),
                Enum.Parse<Audience>(d.GetProperty("audience").GetString()!),
                new DocumentIdentity(d.GetProperty("id").GetString()!, d.GetProperty("setId").GetString()!, d.GetProperty("version").GetInt32()),
                d.GetProperty("revision").GetInt32())).ToList();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new UserException($"the lineage store file {path} is unreadable: {ex.Message}", ex);
        }
    }
}

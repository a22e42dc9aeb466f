using System.Text.Json;
using SglReference.Domain.Documents;

namespace SglReference.Cli;

/// <summary>
/// A lineage kept in a directory (sgl render --store DIR): one JSON file per report with the whole identity of the
/// last version of each document chain (id, setId, version, what it replaced) and the revision it was issued for.
/// Written after the outputs are in place, atomically.
/// </summary>
internal sealed class DirectoryLineage
{
    private readonly string _directory;

    public DirectoryLineage(string directory) => _directory = directory;

    /// <summary>The last issued version of each chain of <paramref name="reportId"/>.</summary>
    public IReadOnlyList<IssuedDocument> Load(string reportId) => Read(reportId);

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
                if (d.Identity.Replaces is { } replaced)
                {
                    writer.WriteStartObject("replaces");
                    writer.WriteString("id", replaced.Id);
                    writer.WriteString("setId", replaced.SetId);
                    writer.WriteNumber("version", replaced.Version);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var path = PathOf(reportId);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static string? AudienceName(Audience audience) => audience switch
    {
        Audience.Professional => "professional",
        Audience.Patient => "patient",
        _ => null,
    };

    /// <summary>One file per report; the name keeps the report id readable and cannot collide (A/1 vs A_1).</summary>
    private string PathOf(string reportId) =>
        Path.Combine(_directory, SafeFileName.For(reportId) + ".json");

    private List<IssuedDocument> Read(string reportId)
    {
        var path = PathOf(reportId);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.GetProperty("reportId").GetString() != reportId)
            {
                throw new UserException($"the lineage store file {path} is for another report");
            }

            return document.RootElement.GetProperty("documents").EnumerateArray().Select(d => new IssuedDocument(
                Named<DocumentFormat>(d, "format"),
                Named<Audience>(d, "audience"),
                new DocumentIdentity(Oid(d, "id"), Oid(d, "setId"), Whole(d, "version", Manifest.MaxVersion),
                    d.TryGetProperty("replaces", out var r) && r.ValueKind != JsonValueKind.Null
                        ? new DocumentIdentity(Oid(r, "id"), Oid(r, "setId"), Whole(r, "version", Manifest.MaxVersion))
                        : null),
                Whole(d, "revision", Manifest.MaxRevision, min: 0))).ToList();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new UserException($"the lineage store file {path} is unreadable: {ex.Message}", ex);
        }
    }

    private static T Named<T>(JsonElement e, string name)
        where T : struct, Enum
    {
        var text = e.GetProperty(name).GetString() ?? string.Empty;
        return Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) && text.Length > 0 && char.IsAsciiLetter(text[0])
            ? value
            : throw new FormatException($"{name} \"{text}\" is not a {typeof(T).Name}");
    }

    private static string Oid(JsonElement e, string name)
    {
        var text = e.GetProperty(name).GetString() ?? string.Empty;
        return Domain.Identifiers.Oid.Check(text) is { } violation ? throw new FormatException($"{name}: {violation.Message}") : text;
    }

    private static int Whole(JsonElement e, string name, int max, int min = 1)
    {
        var n = e.GetProperty(name).GetInt64();
        return n >= min && n <= max ? (int)n : throw new FormatException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} must be from {min} to {max}, found {n}"));
    }
}

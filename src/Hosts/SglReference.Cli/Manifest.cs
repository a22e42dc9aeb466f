using System.Text.Json;
using SglReference.Domain.Delivery;
using SglReference.Domain.Documents;
using SglReference.Domain.Identifiers;
using SglReference.Domain.Validation;

namespace SglReference.Cli;

/// <summary>One file sgl render wrote, as listed in manifest.json.</summary>
/// <param name="Kind">pdf, cda-n3, cda-n1, hl7v2-oru, ihe-xdm, mss-message.</param>
/// <param name="Audience">professional, patient, or null when the artifact serves both.</param>
/// <param name="Path">Path relative to the output directory.</param>
/// <param name="MediaType">MIME type.</param>
/// <param name="DocumentId">Document id (root or root^extension) when the artifact is or carries a document.</param>
/// <param name="SetId">Set id of the document's version chain.</param>
/// <param name="Version">Version number of the document.</param>
/// <param name="Replaces">For a CDA document that replaces an earlier version: that version's identity.</param>
internal sealed record ManifestArtifact(string Kind, string? Audience, string Path, string MediaType, string? DocumentId, string? SetId, int? Version, DocumentIdentity? Replaces = null);

/// <summary>manifest.json: what sgl render produced for one report.</summary>
/// <param name="ReportId">The report id.</param>
/// <param name="Artifacts">The files, in the order written.</param>
/// <param name="Revision">The report revision rendered (absent from older manifests).</param>
/// <param name="Action">What the messages ask: Initial, Replace or Delete (absent from older manifests: not known).</param>
internal sealed record Manifest(string ReportId, IReadOnlyList<ManifestArtifact> Artifacts, int? Revision = null, DocumentAction? Action = null)
{
    public const string FileName = "manifest.json";

    /// <summary>The largest version number a chain may reach (the CDA versionNumber is an INT; keep it sane).</summary>
    public const int MaxVersion = 9999;

    /// <summary>The largest report revision a manifest may name (the contract's).</summary>
    public const int MaxRevision = Domain.Validation.ContractLimits.Revision;

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

            if (Action is { } action)
            {
                writer.WriteString("action", action.ToString());
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

                if (a.Replaces is { } replaced)
                {
                    writer.WriteStartObject("replaces");
                    writer.WriteString("documentId", replaced.Id);
                    writer.WriteString("setId", replaced.SetId);
                    writer.WriteNumber("version", replaced.Version);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Reads a manifest sgl wrote (tests, tools); an invalid one is an <see cref="InvalidDataException"/>.</summary>
    public static Manifest Parse(byte[] json)
    {
        var (manifest, errors) = Read(json, "manifest");
        return manifest ?? throw new InvalidDataException(string.Join("; ", errors));
    }

    /// <summary>Reads a manifest; every problem is collected with its path (prefixed by <paramref name="source"/>).</summary>
    public static (Manifest? Manifest, IReadOnlyList<ValidationError> Errors) Read(byte[] json, string source)
    {
        var errors = new List<ValidationError>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return (null, [new ValidationError(source, $"not JSON: {SettingRules.Printable(ex.Message)}", ErrorCodes.JsonSyntax)]);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [new ValidationError(source, "must be a JSON object", ErrorCodes.Type)]);
            }

            var reportId = String(root, "reportId", source, errors, required: true);
            int? revision = root.TryGetProperty("revision", out var r) && r.ValueKind != JsonValueKind.Null ? Number(r, $"{source}.revision", 1, MaxRevision, errors) : null;
            DocumentAction? action = null;
            if (String(root, "action", source, errors, required: false) is { } actionText)
            {
                if (Enum.TryParse<DocumentAction>(actionText, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && actionText.Length > 0 && char.IsAsciiLetter(actionText[0]))
                {
                    action = parsed;
                }
                else
                {
                    errors.Add(new ValidationError($"{source}.action", "must be \"Initial\", \"Replace\" or \"Delete\"", ErrorCodes.Enum));
                }
            }

            var artifacts = new List<ManifestArtifact>();
            if (!root.TryGetProperty("artifacts", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new ValidationError($"{source}.artifacts", "must be an array", ErrorCodes.Type));
            }
            else
            {
                var i = 0;
                foreach (var a in list.EnumerateArray())
                {
                    var path = $"{source}.artifacts[{i++}]";
                    if (a.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add(new ValidationError(path, "must be an object", ErrorCodes.Type));
                        continue;
                    }

                    var kind = String(a, "kind", path, errors, required: true);
                    var id = Oid(a, "documentId", path, errors);
                    var setId = Oid(a, "setId", path, errors);
                    int? version = a.TryGetProperty("version", out var v) && v.ValueKind != JsonValueKind.Null ? Number(v, $"{path}.version", 1, MaxVersion, errors) : null;
                    DocumentIdentity? replaces = null;
                    if (a.TryGetProperty("replaces", out var rep) && rep.ValueKind == JsonValueKind.Object)
                    {
                        var rid = Oid(rep, "documentId", path + ".replaces", errors);
                        var rset = Oid(rep, "setId", path + ".replaces", errors);
                        int? rv = rep.TryGetProperty("version", out var rvv) ? Number(rvv, $"{path}.replaces.version", 1, MaxVersion, errors) : null;
                        if (rid is not null && rset is not null && rv is not null)
                        {
                            replaces = new DocumentIdentity(rid, rset, rv.Value);
                        }
                    }

                    artifacts.Add(new ManifestArtifact(kind ?? string.Empty, String(a, "audience", path, errors, required: false),
                        String(a, "path", path, errors, required: false) ?? string.Empty, String(a, "mediaType", path, errors, required: false) ?? string.Empty,
                        id, setId, version, replaces));
                }
            }

            return errors.Count > 0 ? (null, errors) : (new Manifest(reportId!, artifacts, revision, action), []);
        }
    }

    private static string? String(JsonElement e, string name, string path, List<ValidationError> errors, bool required)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new ValidationError($"{path}.{name}", "is required", ErrorCodes.Required));
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            errors.Add(new ValidationError($"{path}.{name}", "must be a string", ErrorCodes.Type));
            return null;
        }

        var s = v.GetString()!;
        if (s.Length > 1024 || s.Any(char.IsControl))
        {
            errors.Add(new ValidationError($"{path}.{name}", "must be at most 1024 characters without control characters", ErrorCodes.Text));
            return null;
        }

        return s;
    }

    private static string? Oid(JsonElement e, string name, string path, List<ValidationError> errors)
    {
        var value = String(e, name, path, errors, required: false);
        if (value is not null && Domain.Identifiers.Oid.Check(value) is { } violation)
        {
            errors.Add(new ValidationError($"{path}.{name}", violation.Message, violation.Code));
            return null;
        }

        return value;
    }

    private static int? Number(JsonElement v, string path, int min, int max, List<ValidationError> errors)
    {
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var n) || n < min || n > max)
        {
            errors.Add(new ValidationError(path, $"must be a whole number from {min} to {max}", ErrorCodes.Number));
            return null;
        }

        return (int)n;
    }

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

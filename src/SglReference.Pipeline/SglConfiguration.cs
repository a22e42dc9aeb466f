using System.Text.Json;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Hl7v2.Codec;
using SglReference.Hl7v2.Oru;
using SglReference.Mss;

namespace SglReference.Pipeline;

/// <summary>
/// The configuration of a deployment (CLI --config or the service's settings file); every part has an embedded
/// default, so that no file is needed to render. JSON form:
/// <code>
/// {
///   "documents": { "versions": "patient-and-professional" | "single", "professionalOnlyComments": ["interpretation"],
///                  "accreditationStatement": null, "includeN1": true },
///   "pdf": { "renderer": "pdfsharp" | "pdfpig", "licence": "agpl" | "/path/to/licence-key", "fontFolder": "/usr/share/fonts/truetype/dejavu" },
///   "hl7": { "sendingApplication": "SGLREFERENCE", "sendingFacility": null, "receivingApplication": "PFI", "receivingFacility": "PFI",
///            "processingId": "P", "charset": "UNICODE UTF-8" | "8859/15", "includeN1": false, "replyTo": null },
///   "mss": { "sender": null, "productNumber": "...", "includeN1": false, "actionSlot": "action", "replyTo": null }
/// }
/// </code>
/// </summary>
/// <param name="Documents">The lab's document choices.</param>
/// <param name="Pdf">PDF rendering.</param>
/// <param name="Hl7">The HL7 v2 ORU towards the hospital's PFI.</param>
/// <param name="Mss">The MSSanté messages.</param>
public sealed record SglConfiguration(DocumentSettings Documents, PdfOptions Pdf, Hl7Options Hl7, MssOptions Mss)
{
    /// <summary>The embedded defaults.</summary>
    public static SglConfiguration Default { get; } = new(DocumentSettings.Default, new PdfOptions(), Hl7Options.Default, MssOptions.Default);

    /// <summary>Reads a configuration file; what it leaves out keeps its default.</summary>
    public static SglConfiguration Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Parse(document.RootElement, path);
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"{path}: not JSON ({ex.Message})", ex);
        }
        catch (IOException ex)
        {
            throw new ConfigurationException($"cannot read the configuration {path}: {ex.Message}", ex);
        }
    }

    private static SglConfiguration Parse(JsonElement root, string source)
    {
        var documents = DocumentSettings.Default;
        var pdf = new PdfOptions();
        var hl7 = Hl7Options.Default;
        var mss = MssOptions.Default;
        foreach (var section in root.EnumerateObject())
        {
            switch (section.Name)
            {
                case "documents":
                    documents = ParseDocuments(section.Value, source);
                    break;
                case "pdf":
                    pdf = ParsePdf(section.Value, source);
                    break;
                case "hl7":
                    hl7 = ParseHl7(section.Value, source);
                    break;
                case "mss":
                    mss = ParseMss(section.Value, source);
                    break;
                default:
                    throw new ConfigurationException($"{source}: unknown section \"{section.Name}\" (documents, pdf, hl7, mss)");
            }
        }

        return new SglConfiguration(documents, pdf, hl7, mss);
    }

    private static DocumentSettings ParseDocuments(JsonElement e, string source)
    {
        var settings = DocumentSettings.Default;
        foreach (var p in e.EnumerateObject())
        {
            settings = p.Name switch
            {
                "versions" => settings with
                {
                    Versions = p.Value.GetString() switch
                    {
                        "single" => DocumentVersions.Single,
                        "patient-and-professional" => DocumentVersions.PatientAndProfessional,
                        var other => throw new ConfigurationException($"{source}: documents.versions must be \"single\" or \"patient-and-professional\", found \"{other}\""),
                    },
                },
                "professionalOnlyComments" => settings with
                {
                    ProfessionalOnlyComments = p.Value.EnumerateArray().Select(k => k.GetString() switch
                    {
                        "general" => CommentKind.General,
                        "interpretation" => CommentKind.Interpretation,
                        "technical" => CommentKind.Technical,
                        var other => throw new ConfigurationException($"{source}: documents.professionalOnlyComments: unknown kind \"{other}\""),
                    }).ToHashSet(),
                },
                "accreditationStatement" => settings with { AccreditationStatement = p.Value.GetString() },
                "includeN1" => settings with { IncludeN1 = p.Value.GetBoolean() },
                _ => throw new ConfigurationException($"{source}: unknown setting documents.{p.Name}"),
            };
        }

        return settings;
    }

    private static PdfOptions ParsePdf(JsonElement e, string source)
    {
        var options = new PdfOptions();
        foreach (var p in e.EnumerateObject())
        {
            options = p.Name switch
            {
                "renderer" => options with { Renderer = ParseRenderer(p.Value.GetString(), source) },
                "licence" or "license" => options with { Licence = p.Value.GetString() ?? "agpl" },
                "fontFolder" => options with { FontFolder = p.Value.GetString() ?? options.FontFolder },
                _ => throw new ConfigurationException($"{source}: unknown setting pdf.{p.Name}"),
            };
        }

        return options;
    }

    private static Hl7Options ParseHl7(JsonElement e, string source)
    {
        var options = Hl7Options.Default;
        foreach (var p in e.EnumerateObject())
        {
            options = p.Name switch
            {
                "sendingApplication" => options with { SendingApplication = Hl7Text(p, source) },
                "sendingFacility" => options with { SendingFacility = p.Value.ValueKind == JsonValueKind.Null ? null : Hl7Text(p, source) },
                "receivingApplication" => options with { ReceivingApplication = Hl7Text(p, source) },
                "receivingFacility" => options with { ReceivingFacility = Hl7Text(p, source) },
                "processingId" => options with
                {
                    ProcessingId = p.Value.GetString() is "P" or "T" or "D" ? p.Value.GetString()! : throw new ConfigurationException($"{source}: hl7.processingId must be P, T or D"),
                },
                "charset" => options with
                {
                    Charset = p.Value.GetString() is Hl7Charset.Utf8 or Hl7Charset.Latin9 ? p.Value.GetString()! : throw new ConfigurationException($"{source}: hl7.charset must be \"{Hl7Charset.Utf8}\" or \"{Hl7Charset.Latin9}\""),
                },
                "includeN1" => options with { IncludeN1 = p.Value.GetBoolean() },
                "replyTo" => options with { ReplyTo = p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString() },
                _ => throw new ConfigurationException($"{source}: unknown setting hl7.{p.Name}"),
            };
        }

        return options;
    }

    private static MssOptions ParseMss(JsonElement e, string source)
    {
        var options = MssOptions.Default;
        foreach (var p in e.EnumerateObject())
        {
            options = p.Name switch
            {
                "sender" => options with { Sender = p.Value.ValueKind == JsonValueKind.Null ? null : Address(p, source) },
                "productNumber" => options with
                {
                    ProductNumber = p.Value.GetString() is { Length: > 0 and <= 64 } n && n.All(c => c is > ' ' and < (char)127) ? n : throw new ConfigurationException($"{source}: mss.productNumber (X-MSS-NIL) must be 1 to 64 printable ASCII characters"),
                },
                "includeN1" => options with { IncludeN1 = p.Value.GetBoolean() },
                "actionSlot" => options with { ActionSlot = p.Value.GetString() is { Length: > 0 } slot ? slot : throw new ConfigurationException($"{source}: mss.actionSlot may not be empty") },
                "replyTo" => options with { ReplyTo = p.Value.ValueKind == JsonValueKind.Null ? null : Address(p, source) },
                _ => throw new ConfigurationException($"{source}: unknown setting mss.{p.Name}"),
            };
        }

        return options;
    }

    private static string Address(JsonProperty p, string source)
    {
        var value = p.Value.GetString() ?? string.Empty;
        if (SglReference.Domain.Identifiers.MssanteAddress.Check(value) is { } violation)
        {
            throw new ConfigurationException($"{source}: mss.{p.Name}: {violation.Message}");
        }

        return value;
    }

    private static string Hl7Text(JsonProperty p, string source)
    {
        var value = p.Value.GetString();
        if (string.IsNullOrWhiteSpace(value) || value.Length > 180 || value.Any(c => c is '|' or '^' or '~' or '\\' or '&' || char.IsControl(c)))
        {
            throw new ConfigurationException($"{source}: hl7.{p.Name} must be 1 to 180 characters without HL7 delimiters");
        }

        return value;
    }

    /// <summary>Parses "pdfsharp" or "pdfpig".</summary>
    public static PdfRendererKind ParseRenderer(string? name, string source = "--pdf-renderer") => name switch
    {
        "pdfsharp" => PdfRendererKind.PdfSharp,
        "pdfpig" => PdfRendererKind.PdfPig,
        _ => throw new ConfigurationException($"{source}: the PDF renderer must be \"pdfsharp\" or \"pdfpig\", found \"{name}\""),
    };
}

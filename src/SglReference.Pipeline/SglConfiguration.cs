using System.Text.Json;
using SglReference.Domain;
using SglReference.Domain.Documents;

namespace SglReference.Pipeline;

/// <summary>
/// The configuration of a deployment (CLI --config or the service's settings file); every part has an embedded
/// default, so that no file is needed to render. JSON form:
/// <code>
/// {
///   "documents": { "versions": "patient-and-professional" | "single", "professionalOnlyComments": ["interpretation"],
///                  "accreditationStatement": null, "includeN1": true },
///   "pdf": { "renderer": "pdfsharp" | "pdfpig", "licence": "agpl" | "/path/to/licence-key", "fontFolder": "/usr/share/fonts/truetype/dejavu" }
/// }
/// </code>
/// </summary>
/// <param name="Documents">The lab's document choices.</param>
/// <param name="Pdf">PDF rendering.</param>
public sealed record SglConfiguration(DocumentSettings Documents, PdfOptions Pdf)
{
    /// <summary>The embedded defaults.</summary>
    public static SglConfiguration Default { get; } = new(DocumentSettings.Default, new PdfOptions());

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
                default:
                    throw new ConfigurationException($"{source}: unknown section \"{section.Name}\" (documents, pdf)");
            }
        }

        return new SglConfiguration(documents, pdf);
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

    /// <summary>Parses "pdfsharp" or "pdfpig".</summary>
    public static PdfRendererKind ParseRenderer(string? name, string source = "--pdf-renderer") => name switch
    {
        "pdfsharp" => PdfRendererKind.PdfSharp,
        "pdfpig" => PdfRendererKind.PdfPig,
        _ => throw new ConfigurationException($"{source}: the PDF renderer must be \"pdfsharp\" or \"pdfpig\", found \"{name}\""),
    };
}

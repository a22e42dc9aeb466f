using System.Text.Json;
using SglReference.Dmp;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Domain.Validation;
using SglReference.MailboxDirectory;
using SglReference.Hl7v2.Codec;
using SglReference.Hl7v2.Oru;
using SglReference.Input;
using SglReference.Mss;
using SglReference.Transport.XmlSignatures;

namespace SglReference.Hosting;

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
///   "mss": { "sender": null, "productNumber": "...", "includeN1": false, "actionSlot": "urn:sglreference:xdm:action", "replyTo": null },
///   "laboratories": [ { ...the contract's laboratory object..., "versions": "single", "channels": { "hl7v2": false } } ],
///   "dmp": { ...see <see cref="DmpSettings"/>: endpoint, certificates, LPS identity, VIHF mode, digest... },
///   "annuaire": { "baseUrl": "https://gateway.api.esante.gouv.fr/fhir/v1", "apiKeyVariable": "ESANTE_API_KEY", "mailboxType": "PER",
///                 "cacheMinutes": 1440, "timeoutSeconds": 10, "maxPages": 10 },
///   "server": { ...sgl serve only: database, API keys, peers, delivery policy (SglReference.Server.ServerOptions)... }
/// }
/// </code>
/// Every value is checked when read: a wrong type or a broken rule is a <see cref="ConfigurationException"/> naming
/// the setting (<c>hl7.charset: must be ...</c>).
/// </summary>
/// <param name="Documents">The deployment's document choices (labs may override versions).</param>
/// <param name="Pdf">PDF rendering.</param>
/// <param name="Hl7">The HL7 v2 ORU towards the hospital's PFI.</param>
/// <param name="Mss">The MSSanté messages.</param>
/// <param name="Laboratories">The lab profiles.</param>
public sealed record SglConfiguration(DocumentSettings Documents, PdfOptions Pdf, Hl7Options Hl7, MssOptions Mss, IReadOnlyList<LabProfile> Laboratories)
{
    /// <summary>
    /// The Annuaire Santé lookup of missing MSSanté addresses before rendering; off (null) unless the configuration has
    /// an <c>annuaire</c> section.
    /// </summary>
    public AnnuaireOptions? Annuaire { get; init; }

    /// <summary>The DMP channel's settings; no DMP channel when null.</summary>
    public DmpSettings? Dmp { get; init; }

    /// <summary>The embedded defaults.</summary>
    public static SglConfiguration Default { get; } = new(DocumentSettings.Default, new PdfOptions(), Hl7Options.Default, MssOptions.Default, []);

    /// <summary>Checks every part; throws <see cref="ConfigurationException"/> naming the first setting that breaks its rule.</summary>
    public SglConfiguration Validate()
    {
        try
        {
            return ValidateSettings();
        }
        catch (InvalidSettingException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }

    private SglConfiguration ValidateSettings()
    {
        Documents.Validate("documents");
        Annuaire?.Validate();
        Pdf.Validate();
        Hl7.Validate();
        Mss.Validate();
        Dmp?.Validate();
        for (var i = 0; i < Laboratories.Count; i++)
        {
            Laboratories[i].Documents.Validate($"laboratories[{i}]");
        }

        return this;
    }

    /// <summary>Reads a configuration file; what it leaves out keeps its default.</summary>
    public static SglConfiguration Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"cannot read the configuration {path}: {ex.Message}", ex) { IsInvalidSetting = false };
        }

        var configuration = Parse(bytes, path);
        return configuration.Dmp is { } dmp ? configuration with { Dmp = dmp with { BaseDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) } } : configuration;
    }

    /// <summary>Reads configuration JSON; <paramref name="source"/> names it in messages.</summary>
    public static SglConfiguration Parse(ReadOnlySpan<byte> json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"{source}: not JSON ({ex.Message})", ex);
        }

        using (document)
        {
            try
            {
                return Parse(new Section(document.RootElement, string.Empty, source)).ValidateSettings();
            }
            catch (InvalidSettingException ex)
            {
                throw new ConfigurationException($"{source}: {ex.Message}", ex);
            }
        }
    }

    private static SglConfiguration Parse(Section root)
    {
        var documents = DocumentSettings.Default;
        var pdf = new PdfOptions();
        var hl7 = Hl7Options.Default;
        var mss = MssOptions.Default;
        Section? laboratories = null;
        AnnuaireOptions? annuaire = null;
        DmpSettings? dmp = null;
        foreach (var (name, value) in root.Properties("documents", "pdf", "hl7", "mss", "dmp", "laboratories", "annuaire", "server"))
        {
            switch (name)
            {
                case "server":
                    // Read by the service (sgl serve), which checks it; the engine does not use it.
                    break;
                case "annuaire":
                    annuaire = ParseAnnuaire(value);
                    break;
                case "dmp":
                    dmp = ParseDmp(value);
                    break;
                case "documents":
                    documents = ParseDocuments(value, DocumentSettings.Default, allowVersionsOnly: false);
                    break;
                case "pdf":
                    pdf = ParsePdf(value);
                    break;
                case "hl7":
                    hl7 = ParseHl7(value);
                    break;
                case "mss":
                    mss = ParseMss(value);
                    break;
                default:
                    laboratories = value;
                    break;
            }
        }

        // Read last: profiles inherit the deployment's document settings wherever "documents" stands.
        return new SglConfiguration(documents, pdf, hl7, mss, laboratories is { } labs ? ParseLaboratories(labs, documents) : []) { Annuaire = annuaire, Dmp = dmp };
    }

    private static DocumentSettings ParseDocuments(Section e, DocumentSettings settings, bool allowVersionsOnly)
    {
        string[] names = allowVersionsOnly ? ["versions"] : ["versions", "professionalOnlyComments", "accreditationStatement", "includeN1"];
        foreach (var (name, p) in e.Properties(names))
        {
            settings = name switch
            {
                "versions" => settings with { Versions = ParseVersions(p) },
                "professionalOnlyComments" => settings with
                {
                    ProfessionalOnlyComments = p.Array().Select(k => k.String() switch
                    {
                        "general" => CommentKind.General,
                        "interpretation" => CommentKind.Interpretation,
                        "technical" => CommentKind.Technical,
                        var other => throw k.Invalid($"unknown comment kind \"{SettingRules.Printable(other)}\" (general, interpretation, technical)"),
                    }).ToHashSet(),
                },
                "accreditationStatement" => settings with { AccreditationStatement = p.NullableString() },
                _ => settings with { IncludeN1 = p.Boolean() },
            };
        }

        return settings;
    }

    private static DocumentVersions ParseVersions(Section p) => p.String() switch
    {
        "single" => DocumentVersions.Single,
        "patient-and-professional" => DocumentVersions.PatientAndProfessional,
        var other => throw p.Invalid($"must be \"single\" or \"patient-and-professional\", found \"{SettingRules.Printable(other)}\""),
    };

    private static PdfOptions ParsePdf(Section e)
    {
        var options = new PdfOptions();
        foreach (var (name, p) in e.Properties("renderer", "licence", "license", "fontFolder"))
        {
            options = name switch
            {
                "renderer" => options with { Renderer = ParseRenderer(p.String(), $"{p.Source}: {p.Path}") },
                "licence" or "license" => options with { Licence = p.String() },
                _ => options with { FontFolder = p.String() },
            };
        }

        return options;
    }

    private static Hl7Options ParseHl7(Section e)
    {
        var options = Hl7Options.Default;
        foreach (var (name, p) in e.Properties("sendingApplication", "sendingFacility", "receivingApplication", "receivingFacility", "processingId", "charset", "includeN1", "replyTo"))
        {
            options = name switch
            {
                "sendingApplication" => options with { SendingApplication = p.String() },
                "sendingFacility" => options with { SendingFacility = p.NullableString() },
                "receivingApplication" => options with { ReceivingApplication = p.String() },
                "receivingFacility" => options with { ReceivingFacility = p.String() },
                "processingId" => options with { ProcessingId = p.String() },
                "charset" => options with { Charset = p.String() },
                "includeN1" => options with { IncludeN1 = p.Boolean() },
                _ => options with { ReplyTo = p.NullableString() },
            };
        }

        return options;
    }

    private static MssOptions ParseMss(Section e)
    {
        var options = MssOptions.Default;
        foreach (var (name, p) in e.Properties("sender", "productNumber", "includeN1", "actionSlot", "replyTo"))
        {
            options = name switch
            {
                "sender" => options with { Sender = p.NullableString() },
                "productNumber" => options with { ProductNumber = p.String() },
                "includeN1" => options with { IncludeN1 = p.Boolean() },
                "actionSlot" => options with { ActionSlot = p.String() },
                _ => options with { ReplyTo = p.NullableString() },
            };
        }

        return options;
    }

    private static DmpSettings ParseDmp(Section e)
    {
        string? endpoint = null;
        var certificates = new List<DmpCertificateFile>();
        DmpCertificateFile? authentication = null;
        string? authorities = null;
        LpsIdentity? lps = null;
        var settings = new DmpSettings(string.Empty, [], new LpsIdentity(string.Empty, string.Empty, string.Empty, string.Empty));
        foreach (var (name, p) in e.Properties("endpoint", "signatureCertificates", "authenticationCertificate", "trustedAuthorities", "lps", "authenticationMode", "digest",
                     "sector", "authnContext", "repositoryPath", "registryPath", "patientsPath", "timeoutSeconds", "attempts", "backoffSeconds"))
        {
            switch (name)
            {
                case "endpoint": endpoint = p.String(); break;
                case "signatureCertificates": certificates.AddRange(p.Array().Select(ParseCertificate)); break;
                case "authenticationCertificate": authentication = p.Element.ValueKind == JsonValueKind.Null ? null : ParseCertificate(p); break;
                case "trustedAuthorities": authorities = p.NullableString(); break;
                case "lps":
                    string? id = null, lpsName = null, version = null, homologation = null;
                    foreach (var (field, v) in p.Properties("id", "name", "version", "homologation"))
                    {
                        _ = field switch { "id" => id = v.String(), "name" => lpsName = v.String(), "version" => version = v.String(), _ => homologation = v.String() };
                    }

                    lps = new LpsIdentity(id ?? string.Empty, lpsName ?? string.Empty, version ?? string.Empty, homologation ?? string.Empty);
                    break;
                case "authenticationMode":
                    settings = settings with
                    {
                        AuthenticationMode = p.String() switch
                        {
                            "indirecte" => DmpAuthenticationMode.Indirecte,
                            "indirecte-renforcee" => DmpAuthenticationMode.IndirecteRenforcee,
                            var other => throw p.Invalid($"must be \"indirecte\" or \"indirecte-renforcee\", found \"{SettingRules.Printable(other)}\""),
                        },
                    };
                    break;
                case "digest":
                    settings = settings with
                    {
                        Digest = p.String() switch
                        {
                            "sha1" => SignatureDigest.Sha1,
                            "sha256" => SignatureDigest.Sha256,
                            var other => throw p.Invalid($"must be \"sha1\" or \"sha256\", found \"{SettingRules.Printable(other)}\""),
                        },
                    };
                    break;
                case "sector": settings = settings with { Sector = p.String() }; break;
                case "authnContext": settings = settings with { AuthnContext = p.String() }; break;
                case "repositoryPath": settings = settings with { RepositoryPath = p.String() }; break;
                case "registryPath": settings = settings with { RegistryPath = p.String() }; break;
                case "patientsPath": settings = settings with { PatientsPath = p.String() }; break;
                case "timeoutSeconds": settings = settings with { TimeoutSeconds = p.Number(1, 600) }; break;
                case "attempts": settings = settings with { Attempts = (int)p.Number(1, 10, whole: true) }; break;
                default: settings = settings with { BackoffSeconds = p.Number(0, 300) }; break;
            }
        }

        return settings with
        {
            Endpoint = endpoint ?? throw e.Invalid("endpoint is required"),
            SignatureCertificates = certificates,
            AuthenticationCertificate = authentication,
            TrustedAuthorities = authorities,
            Lps = lps ?? throw e.Invalid("lps is required (id, name, version, homologation)"),
        };
    }

    private static DmpCertificateFile ParseCertificate(Section e)
    {
        string? path = null, key = null, variable = null, structure = null;
        foreach (var (name, p) in e.Properties("path", "key", "passwordVariable", "structureId"))
        {
            _ = name switch { "path" => path = p.String(), "key" => key = p.NullableString(), "passwordVariable" => variable = p.NullableString(), _ => structure = p.NullableString() };
        }

        return new DmpCertificateFile(path ?? throw e.Invalid("path is required"), key, variable, structure);
    }

    private static AnnuaireOptions ParseAnnuaire(Section e)
    {
        var options = new AnnuaireOptions();
        foreach (var (name, p) in e.Properties("baseUrl", "apiKeyVariable", "mailboxType", "cacheMinutes", "timeoutSeconds", "maxPages"))
        {
            options = name switch
            {
                "baseUrl" => options with { BaseUrl = p.String() },
                "apiKeyVariable" => options with { ApiKeyVariable = p.String() },
                "mailboxType" => options with { MailboxType = p.String() },
                "cacheMinutes" => options with { CacheDuration = TimeSpan.FromMinutes(p.Number(0, 43_200)) },
                "timeoutSeconds" => options with { Timeout = TimeSpan.FromSeconds(p.Number(1, 120)) },
                _ => options with { MaxPages = (int)p.Number(1, 100, whole: true) },
            };
        }

        return options;
    }

    private static List<LabProfile> ParseLaboratories(Section e, DocumentSettings documents)
    {
        var profiles = new List<LabProfile>();
        foreach (var item in e.Array())
        {
            var (laboratory, errors) = LaboratoryReader.Read(item.Element, item.Path, "versions", "channels");
            if (laboratory is null)
            {
                throw new ConfigurationException(item.Source + ": " + string.Join("; ", errors.Select(x => x.ToString())));
            }

            var settings = documents;
            var switches = new Dictionary<string, bool>(StringComparer.Ordinal);
            if (item.TryChild("versions") is { } versions)
            {
                settings = settings with { Versions = ParseVersions(versions) };
            }

            if (item.TryChild("channels") is { } channels)
            {
                foreach (var (name, on) in channels.Properties())
                {
                    switches[name] = on.Boolean();
                }
            }

            profiles.Add(new LabProfile(laboratory, settings, new ChannelSwitches(switches)));
        }

        return profiles;
    }

    /// <summary>Parses "pdfsharp", "pdfpig" or "builtin".</summary>
    public static PdfRendererKind ParseRenderer(string? name, string source = "--pdf-renderer") => name switch
    {
        "pdfsharp" => PdfRendererKind.PdfSharp,
        "pdfpig" => PdfRendererKind.PdfPig,
        "builtin" => PdfRendererKind.BuiltIn,
        _ => throw new ConfigurationException($"{source}: the PDF renderer must be \"pdfsharp\", \"pdfpig\" or \"builtin\", found \"{SettingRules.Printable(name ?? "null")}\""),
    };

    /// <summary>A JSON value of the configuration with its path, read with type checks that name the setting.</summary>
    private readonly record struct Section(JsonElement Element, string Path, string Source)
    {
        public List<(string Name, Section Value)> Properties(params string[] allowed)
        {
            if (Element.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("must be an object");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<(string, Section)>();
            foreach (var p in Element.EnumerateObject())
            {
                var path = Path.Length == 0 ? p.Name : Path + "." + p.Name;
                if (allowed.Length > 0 && !allowed.Contains(p.Name, StringComparer.Ordinal))
                {
                    throw new ConfigurationException($"{Source}: {SettingRules.Printable(path)}: unknown setting" + (allowed.Length > 0 ? $" ({string.Join(", ", allowed)})" : string.Empty));
                }

                if (!seen.Add(p.Name))
                {
                    throw new ConfigurationException($"{Source}: {SettingRules.Printable(path)}: appears twice");
                }

                result.Add((p.Name, new Section(p.Value, path, Source)));
            }

            return result;
        }

        public Section? TryChild(string name) =>
            Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out var value) ? new Section(value, Path + "." + name, Source) : null;

        public List<Section> Array()
        {
            if (Element.ValueKind != JsonValueKind.Array)
            {
                throw Invalid("must be an array");
            }

            var path = Path;
            var source = Source;
            return Element.EnumerateArray().Select((item, i) => new Section(item, $"{path}[{i}]", source)).ToList();
        }

        public string String() => Element.ValueKind == JsonValueKind.String ? Element.GetString()! : throw Invalid($"must be a string, found {Kind()}");

        public double Number(double min, double max, bool whole = false)
        {
            if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetDouble(out var value) || double.IsNaN(value) || value < min || value > max || (whole && value != Math.Floor(value)))
            {
                throw Invalid($"must be a {(whole ? "whole " : string.Empty)}number from {min.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            return value;
        }

        public string? NullableString() => Element.ValueKind == JsonValueKind.Null ? null : String();

        public bool Boolean() => Element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid($"must be true or false, found {Kind()}"),
        };

        public ConfigurationException Invalid(string rule) => new($"{Source}: {SettingRules.Printable(Path)}: {rule}");

        private string Kind() => Element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
    }
}

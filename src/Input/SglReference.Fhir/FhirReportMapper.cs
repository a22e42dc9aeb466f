using SglReference.Domain;
using SglReference.Domain.Validation;
using SglReference.Input.Json;
using F = Hl7.Fhir.Model;

namespace SglReference.Fhir;

/// <summary>
/// Maps the resources of a Bundle to a <see cref="LabReport"/> (mapping table in the README, "FHIR input"): plain
/// <c>collection</c>/<c>transaction</c> Bundles and EU Laboratory Report <c>document</c> Bundles (Composition:
/// author, legal attester, custodian, order, event). Structural problems are reported once, at their FHIR location;
/// the model is then checked by the <see cref="ReportValidator"/> like any other input, without the follow-on errors
/// of what was already reported (<see cref="SourceMap.Reported"/>).
/// </summary>
internal sealed partial class FhirReportMapper
{
    private static readonly CodedConcept s_emptyCode = new(Domain.CodeSystems.Loinc, string.Empty, string.Empty);

    private readonly F.Bundle _bundle;
    private readonly BundleIndex _index;
    private readonly ErrorSink _sink;
    private readonly IReadOnlyList<Laboratory> _profiles;
    private F.Organization? _lab;
    private F.Composition? _composition;
    private bool _specimenMissing;

    public FhirReportMapper(F.Bundle bundle, BundleIndex index, ErrorSink sink, IReadOnlyList<Laboratory> profiles)
    {
        _bundle = bundle;
        _index = index;
        _sink = sink;
        _profiles = profiles;
    }

    public SourceMap Sources { get; } = new();

    public LabReport? Map()
    {
        var reports = _index.Resources.OfType<F.DiagnosticReport>().ToList();
        if (reports.Count == 0)
        {
            _sink.Add("Bundle", ErrorCodes.FhirMissing, "the Bundle has no DiagnosticReport (the report to render)");
            return null;
        }

        if (reports.Count > 1)
        {
            _sink.Add("Bundle", ErrorCodes.Cardinality, $"the Bundle has {reports.Count} DiagnosticReports; one report per input");
            return null;
        }

        var compositions = _index.Resources.OfType<F.Composition>().ToList();
        if (compositions.Count > 1)
        {
            _sink.Add("Bundle", ErrorCodes.Cardinality, $"the Bundle has {compositions.Count} Compositions; a document Bundle has one");
            return null;
        }

        _composition = compositions.FirstOrDefault();
        if (_bundle.Type == F.Bundle.BundleType.Document && _composition is null)
        {
            _sink.Add("Bundle.entry[0]", ErrorCodes.FhirMissing, "a document Bundle starts with its Composition");
        }

        var dr = reports[0];
        var at = _index.LocationOf(dr);
        var composedAt = _composition is null ? null : _index.LocationOf(_composition);
        Sources.Add(string.Empty, at);

        var reportId = ReportId(dr, at);
        var status = dr.Status switch
        {
            F.DiagnosticReport.DiagnosticReportStatus.Final => ReportStatus.Complete,
            F.DiagnosticReport.DiagnosticReportStatus.Partial or F.DiagnosticReport.DiagnosticReportStatus.Preliminary => ReportStatus.Partial,
            F.DiagnosticReport.DiagnosticReportStatus.Corrected or F.DiagnosticReport.DiagnosticReportStatus.Amended or F.DiagnosticReport.DiagnosticReportStatus.Appended => ReportStatus.Corrected,
            null => Fail<ReportStatus>($"{at}.status", ErrorCodes.Required, "is required"),
            _ => Fail<ReportStatus>($"{at}.status", ErrorCodes.Enum, $"status {dr.Status} is not a validated report (final, partial, preliminary, corrected, amended, appended)"),
        };

        var legal = _composition?.Attester.FirstOrDefault(a => a.Mode == F.Composition.CompositionAttestationMode.Legal);
        var validatedAt = ValidatedAt(dr, at, legal);
        var patientResource = PatientOf(dr, at);
        var biologistResource = Biologist(dr, at, legal);
        _lab = LabOrganization(dr, biologistResource);
        var request = ServiceRequestOf(dr, at);

        var specimens = new List<Specimen>();
        var specimenIds = new Dictionary<F.Specimen, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < dr.Specimen.Count; i++)
        {
            if (_index.Resolve<F.Specimen>(dr.Specimen[i], $"{at}.specimen[{i}]", required: true) is not { } s)
            {
                _specimenMissing = true;
            }
            else
            {
                var modelPath = $"specimens[{specimens.Count}]";
                Sources.Add(modelPath, _index.LocationOf(s));
                var mapped = Specimen(s, modelPath);
                specimens.Add(mapped);
                specimenIds[s] = mapped.Id;
            }
        }

        var chapters = Chapters(dr, at, specimenIds);
        var patient = patientResource is null ? EmptyPatient() : Patient(patientResource, "patient");
        var attending = patientResource?.GeneralPractitioner.Count > 0
            ? PractitionerFrom(_index.ResolveAny(patientResource.GeneralPractitioner[0], $"{_index.LocationOf(patientResource)}.generalPractitioner[0]"), "attendingPhysician")
            : null;

        var biologist = PractitionerFrom(biologistResource, "biologist");
        if (biologist is null)
        {
            Sources.Reported("biologist");
        }

        var laboratory = Laboratory(_lab, at);
        var labRequest = request is null ? MissingRequest() : Request(request, specimens);
        return new LabReport(
            reportId ?? string.Empty,
            IntExtension(dr, FhirUris.ReportRevision, at) ?? 1,
            status,
            validatedAt,
            laboratory,
            biologist ?? EmptyPractitioner(),
            patient,
            Prescriber(request, composedAt),
            attending,
            CopiesTo(dr, at),
            labRequest,
            new ValueList<Specimen>(specimens),
            new ValueList<Chapter>(chapters),
            Notes(dr.Extension.Where(e => e.Url == FhirUris.ReportNote).Select(e => e.Value).OfType<F.Annotation>(), "comments", $"{at}.extension[report-note]"),
            dr.Encounter is null ? null : Stay(_index.Resolve<F.Encounter>(dr.Encounter, $"{at}.encounter", required: true)),
            Delivery(dr, at),
            StringExtension(dr, FhirUris.CorrectionReason));
    }

    // ------------------------------------------------------------------------------------------------ report header

    private string? ReportId(F.DiagnosticReport dr, string at)
    {
        Sources.Add("reportId", $"{at}.identifier");
        var id = dr.Identifier.FirstOrDefault(i => i.Use == F.Identifier.IdentifierUse.Official && i.Value is not null) ?? dr.Identifier.FirstOrDefault(i => i.Value is not null);
        if (id?.Value is { } value)
        {
            return value;
        }

        if (_composition?.Identifier?.Value is { } documentId)
        {
            Sources.Add("reportId", $"{_index.LocationOf(_composition)}.identifier");
            return documentId;
        }

        Fail<string>($"{at}.identifier", ErrorCodes.Required, "the report id (identifier, use official; or the Composition's identifier) is required", "reportId");
        return null;
    }

    private DateTimeOffset ValidatedAt(F.DiagnosticReport dr, string at, F.Composition.AttesterComponent? legal)
    {
        Sources.Add("validatedAt", $"{at}.issued");
        if (dr.Issued is { } issued)
        {
            return issued;
        }

        if (legal?.TimeElement?.Value is { } time)
        {
            var where = $"{_index.LocationOf(_composition!)}.attester[{_composition!.Attester.IndexOf(legal)}].time";
            Sources.Add("validatedAt", where);
            if (Timestamps.TryParse(time, out var attested))
            {
                return attested;
            }

            return Fail<DateTimeOffset>(where, ErrorCodes.Date, "the legal attestation time needs hours, minutes and its UTC offset", "validatedAt");
        }

        return Fail<DateTimeOffset>($"{at}.issued", ErrorCodes.Required, "the validation time (issued, or the Composition's legal attester time) is required", "validatedAt");
    }

    private F.Patient? PatientOf(F.DiagnosticReport dr, string at)
    {
        if (dr.Subject is null && _composition?.Subject is { } subject)
        {
            return Resolved(_index.Resolve<F.Patient>(subject, $"{_index.LocationOf(_composition)}.subject", required: true), "patient");
        }

        return Resolved(_index.Resolve<F.Patient>(dr.Subject, $"{at}.subject", required: true), "patient");
    }

    /// <summary>
    /// The validating biologist: <c>DiagnosticReport.resultsInterpreter</c> (FHIR R4), else the Composition's legal
    /// attester, else its first practitioner author, else a Practitioner/PractitionerRole in
    /// <c>DiagnosticReport.performer</c> (earlier SglReference Bundles).
    /// </summary>
    private F.Resource? Biologist(F.DiagnosticReport dr, string at, F.Composition.AttesterComponent? legal)
    {
        for (var i = 0; i < dr.ResultsInterpreter.Count; i++)
        {
            if (_index.ResolveAny(dr.ResultsInterpreter[i], $"{at}.resultsInterpreter[{i}]") is { } r and (F.Practitioner or F.PractitionerRole))
            {
                return r;
            }
        }

        if (legal?.Party is { } party && _index.ResolveAny(party, $"{_index.LocationOf(_composition!)}.attester[{_composition!.Attester.IndexOf(legal)}].party") is { } attester and (F.Practitioner or F.PractitionerRole))
        {
            return attester;
        }

        if (_composition is not null)
        {
            for (var i = 0; i < _composition.Author.Count; i++)
            {
                if (_index.ResolveAny(_composition.Author[i], $"{_index.LocationOf(_composition)}.author[{i}]") is { } author and (F.Practitioner or F.PractitionerRole))
                {
                    return author;
                }
            }
        }

        for (var i = 0; i < dr.Performer.Count; i++)
        {
            if (_index.ResolveAny(dr.Performer[i], $"{at}.performer[{i}]") is { } p and (F.Practitioner or F.PractitionerRole))
            {
                return p;
            }
        }

        return Fail<F.Resource?>($"{at}.resultsInterpreter", ErrorCodes.FhirMissing,
            "the validating biologist is required: a Practitioner or PractitionerRole in resultsInterpreter (or the Composition's legal attester)", "biologist");
    }

    /// <summary>The lab Organization: the Composition's custodian, else the Organization in performer, else the biologist's.</summary>
    private F.Organization? LabOrganization(F.DiagnosticReport dr, F.Resource? biologist)
    {
        if (_composition?.Custodian is { } custodian &&
            _index.Resolve<F.Organization>(custodian, $"{_index.LocationOf(_composition)}.custodian", required: false) is { } keeper)
        {
            return keeper;
        }

        for (var i = 0; i < dr.Performer.Count; i++)
        {
            if (_index.ResolveAny(dr.Performer[i], $"{_index.LocationOf(dr)}.performer[{i}]") is F.Organization o)
            {
                return o;
            }
        }

        if (biologist is F.PractitionerRole { Organization: { } org } role)
        {
            return _index.Resolve<F.Organization>(org, $"{_index.LocationOf(role)}.organization", required: false);
        }

        return null;
    }

    private F.ServiceRequest? ServiceRequestOf(F.DiagnosticReport dr, string at)
    {
        if (dr.BasedOn.Count > 0)
        {
            return Resolved(_index.Resolve<F.ServiceRequest>(dr.BasedOn[0], $"{at}.basedOn[0]", required: true), "request");
        }

        if (_composition is not null)
        {
            var where = _index.LocationOf(_composition);
            var order = _composition.Extension.FirstOrDefault(e => FhirUris.IsExtension(e.Url, FhirUris.CompositionBasedOnName));
            if (order?.Value is F.ResourceReference reference)
            {
                return Resolved(_index.Resolve<F.ServiceRequest>(reference, $"{where}.extension[basedOn-order-or-requisition]", required: true), "request");
            }
        }

        return Fail<F.ServiceRequest?>($"{at}.basedOn", ErrorCodes.Required,
            "the lab request is required: a ServiceRequest in basedOn (or the Composition's basedOn-order-or-requisition extension)", "request");
    }

    /// <summary>
    /// The prescriber: <c>ServiceRequest.requester</c>, else the practitioner of the Composition's <c>event.detail</c>,
    /// else a practitioner among its information recipients (EU Laboratory Report).
    /// </summary>
    private Practitioner? Prescriber(F.ServiceRequest? request, string? composedAt)
    {
        if (request?.Requester is { } requester)
        {
            return PractitionerFrom(_index.ResolveAny(requester, $"{_index.LocationOf(request)}.requester"), "prescriber");
        }

        if (_composition is null)
        {
            return null;
        }

        for (var e = 0; e < _composition.Event.Count; e++)
        {
            for (var d = 0; d < _composition.Event[e].Detail.Count; d++)
            {
                if (_index.ResolveAny(_composition.Event[e].Detail[d], $"{composedAt}.event[{e}].detail[{d}]") is { } r and (F.Practitioner or F.PractitionerRole))
                {
                    return PractitionerFrom(r, "prescriber");
                }
            }
        }

        foreach (var extension in _composition.Extension.Where(x => FhirUris.IsExtension(x.Url, FhirUris.InformationRecipientName)))
        {
            if (extension.Value is F.ResourceReference reference &&
                _index.ResolveAny(reference, $"{composedAt}.extension[information-recipient]") is { } r and (F.Practitioner or F.PractitionerRole))
            {
                return PractitionerFrom(r, "prescriber");
            }
        }

        return null;
    }

    private T? Resolved<T>(T? resource, string modelPath)
        where T : class
    {
        if (resource is null)
        {
            Sources.Reported(modelPath);
        }

        return resource;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private T Fail<T>(string path, string code, string message, string? modelPath = null)
    {
        _sink.Add(path, code, message);
        if (modelPath is not null)
        {
            Sources.Reported(modelPath);
        }

        return default!;
    }

    private int? IntExtension(F.DomainResource resource, string url, string at)
    {
        if (resource.GetExtension(url) is not { } ext)
        {
            return null;
        }

        if (ext.Value is F.Integer i && i.Value is { } v)
        {
            return v;
        }

        return Fail<int?>($"{at}.extension[{url[(url.LastIndexOf('/') + 1)..]}]", ErrorCodes.Type, "must be a valueInteger", "revision");
    }

    private static string? StringExtension(F.DomainResource resource, string url) => (resource.GetExtension(url)?.Value as F.FhirString)?.Value;

    private static Domain.Patient EmptyPatient() => new(string.Empty, null, ValueList<string>.Empty, null, default, Sex.Unknown, null,
        new LocalIdentifier(string.Empty, string.Empty), null, IdentityStatus.Provisional, null, ValueList<Telecom>.Empty, null);

    private static Practitioner EmptyPractitioner() => new(null, string.Empty, null, null, null, null, null, ValueList<Telecom>.Empty, null);

    private static LabRequest MissingRequest() => new(string.Empty, null, null, default);
}

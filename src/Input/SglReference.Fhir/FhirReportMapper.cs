using SglReference.Domain;
using SglReference.Input.Json;
using SglReference.Domain.Validation;
using F = Hl7.Fhir.Model;

namespace SglReference.Fhir;

/// <summary>
/// Maps the resources of a Bundle to a <see cref="LabReport"/> (mapping table in the README, "FHIR input").
/// Structural problems are reported at their FHIR location; the model is then checked by the
/// <see cref="ReportValidator"/> like any other input.
/// </summary>
internal sealed class FhirReportMapper
{
    private static readonly CodedConcept s_emptyCode = new(Domain.CodeSystems.Loinc, string.Empty, string.Empty);

    private readonly BundleIndex _index;
    private readonly ErrorSink _sink;
    private F.Organization? _lab;

    public FhirReportMapper(BundleIndex index, ErrorSink sink)
    {
        _index = index;
        _sink = sink;
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

        var dr = reports[0];
        var at = _index.LocationOf(dr);
        Sources.Add(string.Empty, at);

        var reportId = dr.Identifier.FirstOrDefault(i => i.Use == F.Identifier.IdentifierUse.Official) ?? dr.Identifier.FirstOrDefault();
        if (reportId?.Value is null)
        {
            _sink.Add($"{at}.identifier", ErrorCodes.Required, "the report id (identifier, use official) is required");
        }

        Sources.Add("reportId", $"{at}.identifier");
        var status = dr.Status switch
        {
            F.DiagnosticReport.DiagnosticReportStatus.Final => ReportStatus.Complete,
            F.DiagnosticReport.DiagnosticReportStatus.Partial or F.DiagnosticReport.DiagnosticReportStatus.Preliminary => ReportStatus.Partial,
            F.DiagnosticReport.DiagnosticReportStatus.Corrected or F.DiagnosticReport.DiagnosticReportStatus.Amended or F.DiagnosticReport.DiagnosticReportStatus.Appended => ReportStatus.Corrected,
            null => Fail<ReportStatus>($"{at}.status", ErrorCodes.Required, "is required"),
            _ => Fail<ReportStatus>($"{at}.status", ErrorCodes.Enum, $"status {dr.Status} is not a validated report (final, partial, preliminary, corrected, amended)"),
        };

        if (dr.Issued is null)
        {
            _sink.Add($"{at}.issued", ErrorCodes.Required, "the validation time (issued) is required");
        }

        Sources.Add("validatedAt", $"{at}.issued");
        var patientResource = _index.Resolve<F.Patient>(dr.Subject, $"{at}.subject", required: true);
        var performers = dr.Performer.Select((r, i) => _index.ResolveAny(r, $"{at}.performer[{i}]")).ToList();
        _lab = performers.OfType<F.Organization>().FirstOrDefault();
        var biologistResource = performers.FirstOrDefault(r => r is F.Practitioner or F.PractitionerRole);
        if (_lab is null)
        {
            _sink.Add($"{at}.performer", ErrorCodes.FhirMissing, "the performer list has no Organization (the laboratory)");
        }

        if (biologistResource is null)
        {
            _sink.Add($"{at}.performer", ErrorCodes.FhirMissing, "the performer list has no Practitioner or PractitionerRole (the validating biologist)");
        }

        var request = dr.BasedOn.Count == 0
            ? Fail<F.ServiceRequest?>($"{at}.basedOn", ErrorCodes.Required, "the ServiceRequest (basedOn) is required")
            : _index.Resolve<F.ServiceRequest>(dr.BasedOn[0], $"{at}.basedOn[0]", required: true);

        var specimens = new List<Specimen>();
        var specimenIds = new Dictionary<F.Specimen, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < dr.Specimen.Count; i++)
        {
            if (_index.Resolve<F.Specimen>(dr.Specimen[i], $"{at}.specimen[{i}]", required: true) is { } s)
            {
                Sources.Add($"specimens[{specimens.Count}]", _index.LocationOf(s));
                var mapped = Specimen(s, $"specimens[{specimens.Count}]");
                specimens.Add(mapped);
                specimenIds[s] = mapped.Id;
            }
        }

        var chapters = Chapters(dr, at, specimenIds);
        var patient = patientResource is null ? EmptyPatient() : Patient(patientResource, "patient");
        var attending = patientResource?.GeneralPractitioner.Count > 0
            ? PractitionerFrom(_index.ResolveAny(patientResource.GeneralPractitioner[0], $"{_index.LocationOf(patientResource)}.generalPractitioner[0]"), "attendingPhysician")
            : null;

        return new LabReport(
            reportId?.Value ?? string.Empty,
            IntExtension(dr, FhirUris.ReportRevision, at) ?? 1,
            status,
            dr.Issued ?? default,
            _lab is null ? EmptyLab() : Laboratory(_lab),
            PractitionerFrom(biologistResource, "biologist") ?? EmptyPractitioner(),
            patient,
            request is null ? null : PractitionerFrom(_index.ResolveAny(request.Requester, $"{_index.LocationOf(request)}.requester"), "prescriber"),
            attending,
            CopiesTo(dr, at),
            request is null ? new LabRequest(string.Empty, null, null, default) : Request(request),
            new ValueList<Specimen>(specimens),
            new ValueList<Chapter>(chapters),
            Notes(dr.Extension.Where(e => e.Url == FhirUris.ReportNote).Select(e => e.Value).OfType<F.Annotation>(), "comments", $"{at}.extension[report-note]"),
            dr.Encounter is null ? null : Stay(_index.Resolve<F.Encounter>(dr.Encounter, $"{at}.encounter", required: true)),
            Delivery(dr, at),
            StringExtension(dr, FhirUris.CorrectionReason));
    }

    // ------------------------------------------------------------------------------------------------ results

    private List<Chapter> Chapters(F.DiagnosticReport dr, string at, Dictionary<F.Specimen, string> specimenIds)
    {
        var chapters = new List<(CodedConcept Code, string Title, List<Battery> Batteries)>();
        for (var i = 0; i < dr.Result.Count; i++)
        {
            if (_index.Resolve<F.Observation>(dr.Result[i], $"{at}.result[{i}]", required: true) is not { } top)
            {
                continue;
            }

            var where = _index.LocationOf(top);
            var specialty = top.Category.SelectMany(c => c.Coding.Select(coding => (Concept: c, Coding: coding)))
                .FirstOrDefault(x => x.Coding.System == FhirUris.Loinc);
            if (specialty.Coding is null)
            {
                _sink.Add($"{where}.category", ErrorCodes.Required, "a result of the report needs a category coded in LOINC: its laboratory specialty (e.g. 18719-5 Biochimie)");
                continue;
            }

            var code = new CodedConcept(Domain.CodeSystems.Loinc, specialty.Coding.Code ?? string.Empty, specialty.Coding.Display ?? specialty.Concept.Text ?? string.Empty);
            var title = specialty.Concept.Text ?? specialty.Coding.Display ?? string.Empty;
            var chapterIndex = chapters.FindIndex(c => c.Code.Code == code.Code);
            if (chapterIndex < 0)
            {
                chapters.Add((code, title, []));
                chapterIndex = chapters.Count - 1;
                Sources.Add($"chapters[{chapterIndex}]", $"{where}.category");
            }

            var batteries = chapters[chapterIndex].Batteries;
            var path = $"chapters[{chapterIndex}].batteries[{batteries.Count}]";
            Sources.Add(path, where);
            batteries.Add(Battery(top, path, specimenIds));
        }

        return chapters.Select(c => new Chapter(c.Code, c.Title, new ValueList<Battery>(c.Batteries), ValueList<Comment>.Empty)).ToList();
    }

    private Battery Battery(F.Observation top, string path, Dictionary<F.Specimen, string> specimenIds)
    {
        var where = _index.LocationOf(top);
        var (loinc, local) = Codes(top.Code, where);
        if (top.HasMember.Count == 0)
        {
            // a single analysis: a battery of one result, titled by it
            var single = Observation(top, $"{path}.observations[0]", specimenIds);
            return new Battery(null, null, single.Label, ValueList<Observation>.Of(single), ValueList<Isolate>.Empty, ValueList<Comment>.Empty, null, null);
        }

        if (top.Value is not null)
        {
            _sink.Add($"{where}.value[x]", ErrorCodes.Consistency, "a battery (Observation with hasMember) carries no value of its own");
        }

        var members = new List<Observation>();
        for (var i = 0; i < top.HasMember.Count; i++)
        {
            if (_index.Resolve<F.Observation>(top.HasMember[i], $"{where}.hasMember[{i}]", required: true) is { } member)
            {
                if (member.HasMember.Count > 0)
                {
                    _sink.Add($"{_index.LocationOf(member)}.hasMember", ErrorCodes.Consistency, "batteries nest one level: a member of a battery is a result");
                }

                var memberPath = $"{path}.observations[{members.Count}]";
                Sources.Add(memberPath, _index.LocationOf(member));
                members.Add(Observation(member, memberPath, specimenIds));
            }
        }

        DateTimeOffset? validatedAt = null;
        if (top.Issued is { } issued)
        {
            validatedAt = issued;
        }

        var nabm = top.Code?.Coding.FirstOrDefault(c => FhirUris.OidOf(c.System) == Domain.CodeSystems.Nabm);
        return new Battery(
            loinc,
            local,
            top.Code?.Text ?? loinc?.Display ?? local?.Display ?? string.Empty,
            new ValueList<Observation>(members),
            ValueList<Isolate>.Empty,
            Notes(top.Note, $"{path}.comments", $"{where}.note"),
            SpecimenId(top, specimenIds),
            Performer(top, $"{path}.performedBy"),
            validatedAt,
            nabm is null ? null : new CodedConcept(Domain.CodeSystems.Nabm, nabm.Code ?? string.Empty, nabm.Display ?? string.Empty));
    }

    private Observation Observation(F.Observation o, string path, Dictionary<F.Specimen, string> specimenIds)
    {
        var where = _index.LocationOf(o);
        var (loinc, local) = Codes(o.Code, where);
        var label = o.Code?.Text ?? loinc?.Display ?? local?.Display;
        if (label is null)
        {
            _sink.Add($"{where}.code.text", ErrorCodes.Required, "the label printed for people (code.text) is required");
        }

        var status = o.Status switch
        {
            F.ObservationStatus.Final => ResultStatus.Final,
            F.ObservationStatus.Corrected or F.ObservationStatus.Amended => ResultStatus.Corrected,
            F.ObservationStatus.Cancelled => ResultStatus.Cancelled,
            null => Fail<ResultStatus>($"{where}.status", ErrorCodes.Required, "is required"),
            _ => Fail<ResultStatus>($"{where}.status", ErrorCodes.Enum, $"status {o.Status} is not a validated result (final, corrected, amended, cancelled)"),
        };

        PreviousResult? previous = null;
        if (o.GetExtension(FhirUris.PreviousResult) is { } prev)
        {
            var value = prev.GetExtension("value")?.Value is { } v ? Value(v, $"{where}.extension[previous-result].value") : null;
            var date = (prev.GetExtension("date")?.Value as F.Date)?.Value;
            if (value is null || !Timestamps.TryParseDate(date, out var day))
            {
                _sink.Add($"{where}.extension[previous-result]", ErrorCodes.Required, "a previous result has a value and a date (YYYY-MM-DD)");
            }
            else
            {
                previous = new PreviousResult(value, day);
            }
        }

        return new Observation(
            loinc,
            local,
            label ?? string.Empty,
            o.Value is null ? null : Value(o.Value, $"{where}.value[x]"),
            new ValueList<ReferenceRange>(o.ReferenceRange.Select((r, i) => ReferenceRange(r, $"{where}.referenceRange[{i}]"))),
            new ValueList<string>(o.Interpretation.SelectMany(c => c.Coding).Select(c => c.Code).OfType<string>()),
            o.Method?.Text ?? o.Method?.Coding.FirstOrDefault()?.Display,
            status,
            o.Issued,
            previous,
            Notes(o.Note, $"{path}.comments", $"{where}.note"),
            SpecimenId(o, specimenIds),
            Performer(o, $"{path}.performedBy"));
    }

    private (CodedConcept? Loinc, CodedConcept? Local) Codes(F.CodeableConcept? code, string where)
    {
        if (code is null)
        {
            _sink.Add($"{where}.code", ErrorCodes.Required, "is required");
            return (null, null);
        }

        CodedConcept? loinc = null;
        CodedConcept? local = null;
        foreach (var coding in code.Coding)
        {
            if (coding.System == FhirUris.Loinc)
            {
                loinc ??= new CodedConcept(Domain.CodeSystems.Loinc, coding.Code ?? string.Empty, coding.Display ?? code.Text ?? string.Empty);
            }
            else if (FhirUris.OidOf(coding.System) is { } oid && oid != Domain.CodeSystems.Nabm)
            {
                local ??= new CodedConcept(oid, coding.Code ?? string.Empty, coding.Display ?? code.Text ?? string.Empty);
            }
        }

        return (loinc, local);
    }

    private string? SpecimenId(F.Observation o, Dictionary<F.Specimen, string> specimenIds)
    {
        if (o.Specimen is null)
        {
            return null;
        }

        var specimen = _index.Resolve<F.Specimen>(o.Specimen, $"{_index.LocationOf(o)}.specimen", required: true);
        if (specimen is null)
        {
            return null;
        }

        if (!specimenIds.TryGetValue(specimen, out var id))
        {
            _sink.Add($"{_index.LocationOf(o)}.specimen", ErrorCodes.FhirReference, $"{_index.LocationOf(specimen)} is not listed in DiagnosticReport.specimen");
            return null;
        }

        return id;
    }

    private PerformingLaboratory? Performer(F.Observation o, string modelPath)
    {
        var where = _index.LocationOf(o);
        F.Organization? organization = null;
        D? responsible = null;
        for (var i = 0; i < o.Performer.Count; i++)
        {
            switch (_index.ResolveAny(o.Performer[i], $"{where}.performer[{i}]"))
            {
                case F.Organization org when !ReferenceEquals(org, _lab):
                    organization = org;
                    break;
                case F.Practitioner or F.PractitionerRole when responsible is null:
                    responsible = new D(o.Performer[i], i);
                    break;
            }
        }

        if (organization is null)
        {
            return null;
        }

        Sources.Add($"{modelPath}.organization", _index.LocationOf(organization));
        var person = responsible is { } r ? PractitionerFrom(_index.ResolveAny(r.Reference, $"{where}.performer[{r.Index}]"), $"{modelPath}.responsible") : null;
        return new PerformingLaboratory(Organization(organization), person);
    }

    private sealed record D(F.ResourceReference Reference, int Index);

    private ObservationValue? Value(F.DataType value, string where)
    {
        switch (value)
        {
            case F.Quantity q:
                return new QuantityValue(Quantity(q, where));
            case F.CodeableConcept cc:
                var coding = cc.Coding.FirstOrDefault();
                if (coding is null || FhirUris.OidOf(coding.System) is not { } system)
                {
                    _sink.Add(where, ErrorCodes.Required, "a coded value needs a coding whose system is known (http://snomed.info/sct, http://loinc.org or urn:oid:…)");
                    return null;
                }

                return new CodedValue(new CodedConcept(system, coding.Code ?? string.Empty, coding.Display ?? cc.Text ?? string.Empty));
            case F.FhirString text:
                return new TextValue(text.Value ?? string.Empty);
            case F.Ratio r:
                if (r.Numerator?.Value is not { } n || r.Denominator?.Value is not { } d)
                {
                    _sink.Add(where, ErrorCodes.Required, "a ratio has a numerator and a denominator value");
                    return null;
                }

                return new RatioValue(n, d);
            case F.Range range:
                return new RangeValue(range.Low is null ? null : Quantity(range.Low, where + ".low"), range.High is null ? null : Quantity(range.High, where + ".high"));
            default:
                _sink.Add(where, ErrorCodes.Type, $"value type {value.TypeName} is not mapped (Quantity, CodeableConcept, string, Ratio, Range)");
                return null;
        }
    }

    private Domain.Quantity Quantity(F.Quantity q, string where)
    {
        if (q.Value is null)
        {
            _sink.Add(where, ErrorCodes.Required, "a quantity has a value");
        }

        if (q.Code is null || (q.System is not null && q.System != FhirUris.Ucum))
        {
            _sink.Add(where, ErrorCodes.Required, "a quantity carries its UCUM unit in code, with system http://unitsofmeasure.org");
        }

        var code = q.Code ?? string.Empty;
        QuantityComparator? comparator = q.Comparator switch
        {
            F.Quantity.QuantityComparator.LessThan => QuantityComparator.LessThan,
            F.Quantity.QuantityComparator.LessOrEqual => QuantityComparator.LessOrEqual,
            F.Quantity.QuantityComparator.GreaterThan => QuantityComparator.GreaterThan,
            F.Quantity.QuantityComparator.GreaterOrEqual => QuantityComparator.GreaterOrEqual,
            _ => null,
        };
        return new Domain.Quantity(q.Value ?? 0, code, comparator, q.Unit is { } unit && unit != code ? unit : null);
    }

    private ReferenceRange ReferenceRange(F.Observation.ReferenceRangeComponent r, string where)
    {
        var unitSource = r.Low ?? r.High;
        var code = unitSource?.Code;
        var display = unitSource?.Unit is { } u && u != code ? u : null;
        ReferencePopulation? population = null;
        var sexCode = r.AppliesTo.SelectMany(c => c.Coding).Select(c => c.Code).FirstOrDefault(c => c is "female" or "male" or "F" or "M");
        var description = r.AppliesTo.Select(c => c.Text).FirstOrDefault(t => t is not null);
        if (sexCode is not null || description is not null || r.Age is not null)
        {
            population = new ReferencePopulation(
                sexCode switch { "female" or "F" => Sex.Female, "male" or "M" => Sex.Male, _ => null },
                r.Age?.Low?.Value,
                r.Age?.High?.Value,
                description);
        }

        if (r.Low?.Code is { } lowCode && r.High?.Code is { } highCode && lowCode != highCode)
        {
            _sink.Add(where, ErrorCodes.Consistency, "low and high limits have different units");
        }

        return new ReferenceRange(r.Low?.Value, r.High?.Value, code, r.Text, population, display);
    }

    private ValueList<Comment> Notes(IEnumerable<F.Annotation> notes, string modelPath, string where)
    {
        var comments = new List<Comment>();
        foreach (var note in notes)
        {
            var kind = note.GetExtension(FhirUris.CommentKind)?.Value is F.Code k ? k.Value : null;
            var audience = note.GetExtension(FhirUris.CommentAudience)?.Value is F.Code a ? a.Value : null;
            var commentKind = kind switch
            {
                null or "general" => CommentKind.General,
                "interpretation" => CommentKind.Interpretation,
                "technical" => CommentKind.Technical,
                _ => Fail<CommentKind>($"{where}[{comments.Count}].extension[comment-kind]", ErrorCodes.Enum, "must be general, interpretation or technical"),
            };
            var commentAudience = audience switch
            {
                null or "all" => CommentAudience.All,
                "professional" => CommentAudience.ProfessionalOnly,
                _ => Fail<CommentAudience>($"{where}[{comments.Count}].extension[comment-audience]", ErrorCodes.Enum, "must be all or professional"),
            };
            Sources.Add($"{modelPath}[{comments.Count}]", $"{where}[{comments.Count}]");
            comments.Add(new Comment(note.Text ?? string.Empty, commentKind, commentAudience));
        }

        return new ValueList<Comment>(comments);
    }

    // ------------------------------------------------------------------------------------------------ people

    private Domain.Patient Patient(F.Patient p, string modelPath)
    {
        var where = _index.LocationOf(p);
        Sources.Add(modelPath, where);
        var ipp = p.Identifier.FirstOrDefault(i => i.Type?.Coding.Any(c => c.Code == "PI") == true);
        if (ipp is null)
        {
            _sink.Add($"{where}.identifier", ErrorCodes.Required, "the local patient identifier (IPP: identifier with type PI and an urn:oid system) is required");
        }

        var insIdentifier = p.Identifier.FirstOrDefault(i => i.System is { } s && s.StartsWith("urn:oid:1.2.250.1.213.1.4.", StringComparison.Ordinal) && Ins.KindOf(s["urn:oid:".Length..]) is not null);
        if (insIdentifier is not null)
        {
            Sources.Add($"{modelPath}.ins", $"{where}.identifier[{p.Identifier.IndexOf(insIdentifier)}]");
        }

        var official = p.Name.FirstOrDefault(n => n.Use == F.HumanName.NameUse.Official);
        var usual = p.Name.FirstOrDefault(n => n.Use == F.HumanName.NameUse.Usual);
        if (official?.Family is null)
        {
            _sink.Add($"{where}.name", ErrorCodes.Required, "the birth name (name with use official) is required");
        }

        var givenList = official?.GetExtension(FhirUris.BirthListGivenName)?.Value is F.FhirString list && list.Value is { } names
            ? names.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : official?.Given.OfType<string>().ToArray() ?? [];
        var statusCode = p.GetExtension(FhirUris.IdentityReliability)?.GetExtension("identityStatus")?.Value is F.Coding c ? c.Code : null;
        var identityStatus = statusCode switch
        {
            "QUAL" => IdentityStatus.Qualified,
            "VALI" => IdentityStatus.Validated,
            "RECUP" => IdentityStatus.Recovered,
            null or "PROV" or "VIDE" => IdentityStatus.Provisional,
            _ => Fail<IdentityStatus>($"{where}.extension[identityReliability]", ErrorCodes.Enum, "identityStatus must be PROV, RECUP, VALI or QUAL"),
        };
        var birthPlace = p.GetExtension(FhirUris.PatientBirthPlace)?.Value is F.Address place
            ? (place.GetExtension(FhirUris.AddressInseeCode)?.Value as F.Coding)?.Code ?? place.District
            : null;
        if (p.BirthDate is not null && !Timestamps.TryParseDate(p.BirthDate, out _))
        {
            _sink.Add($"{where}.birthDate", ErrorCodes.Date, "a full birth date YYYY-MM-DD is required");
        }

        _ = Timestamps.TryParseDate(p.BirthDate, out var birthDate);
        if (p.BirthDate is null)
        {
            _sink.Add($"{where}.birthDate", ErrorCodes.Required, "is required");
        }

        LegalRepresentative? representative = null;
        if (p.Contact.FirstOrDefault() is { } contact)
        {
            representative = new LegalRepresentative(
                contact.Name?.Family ?? string.Empty,
                contact.Name?.Given.FirstOrDefault(),
                contact.Relationship.SelectMany(r => r.Coding).Select(r => r.Code).FirstOrDefault(),
                contact.Address is null ? null : Address(contact.Address),
                Telecoms(contact.Telecom, out _));
        }

        return new Domain.Patient(
            official?.Family ?? string.Empty,
            usual?.Family,
            new ValueList<string>(givenList),
            usual?.Given.FirstOrDefault(),
            birthDate,
            p.Gender switch { F.AdministrativeGender.Female => Sex.Female, F.AdministrativeGender.Male => Sex.Male, _ => Sex.Unknown },
            birthPlace,
            ipp is null ? new LocalIdentifier(string.Empty, string.Empty) : new LocalIdentifier(ipp.Value ?? string.Empty, FhirUris.OidOf(ipp.System) ?? ipp.System ?? string.Empty),
            insIdentifier is null ? null : new Ins(insIdentifier.Value ?? string.Empty, insIdentifier.System!["urn:oid:".Length..]),
            identityStatus,
            p.Address.FirstOrDefault() is { } a ? Address(a) : null,
            Telecoms(p.Telecom, out _),
            representative);
    }

    private Practitioner? PractitionerFrom(F.Resource? resource, string modelPath)
    {
        switch (resource)
        {
            case F.Practitioner p:
                Sources.Add(modelPath, _index.LocationOf(p));
                return Practitioner(p, null, []);
            case F.PractitionerRole role:
                Sources.Add(modelPath, _index.LocationOf(role));
                var person = _index.Resolve<F.Practitioner>(role.Practitioner, $"{_index.LocationOf(role)}.practitioner", required: true);
                var organization = role.Organization is null ? null : _index.Resolve<F.Organization>(role.Organization, $"{_index.LocationOf(role)}.organization", required: true);
                return person is null ? null : Practitioner(person, organization, role.Telecom);
            case null:
                return null;
            default:
                _sink.Add(_index.LocationOf(resource), ErrorCodes.FhirReference, $"a {resource.TypeName} cannot be a health professional (Practitioner or PractitionerRole)");
                return null;
        }
    }

    private Practitioner Practitioner(F.Practitioner p, F.Organization? organization, List<F.ContactPoint> roleTelecoms)
    {
        var where = _index.LocationOf(p);
        string? rpps = null;
        foreach (var identifier in p.Identifier)
        {
            if (identifier.System == "urn:oid:" + Domain.CodeSystems.NationalProfessionalId && identifier.Value is { } idnps)
            {
                if (Domain.Identifiers.Rpps.CheckIdnps(idnps) is { } violation)
                {
                    _sink.Add($"{where}.identifier[{p.Identifier.IndexOf(identifier)}]", violation.Code, violation.Message);
                }
                else
                {
                    rpps ??= idnps[1..];
                }
            }
            else if (identifier.System is FhirUris.Rpps or FhirUris.RppsLegacy)
            {
                rpps ??= identifier.Value;
            }
        }

        var name = p.Name.FirstOrDefault();
        if (name?.Family is null)
        {
            _sink.Add($"{where}.name", ErrorCodes.Required, "a family name is required");
        }

        var title = name?.Suffix.Concat(name.Prefix).FirstOrDefault(t => t is "DR" or "MC" or "MG" or "PC" or "PG" or "PR");
        var profession = p.Qualification.SelectMany(q => q.Code?.Coding ?? []).FirstOrDefault(c => c.System == "urn:oid:" + Domain.CodeSystems.AuthorSpecialty);
        var telecoms = Telecoms(p.Telecom.Concat(roleTelecoms), out var mssante);
        return new Practitioner(
            rpps,
            name?.Family ?? string.Empty,
            name?.Given.FirstOrDefault(),
            title,
            profession is null ? null : new CodedConcept(Domain.CodeSystems.AuthorSpecialty, profession.Code ?? string.Empty, profession.Display ?? string.Empty),
            mssante,
            p.Address.FirstOrDefault() is { } a ? Address(a) : null,
            telecoms,
            organization is null ? null : Organization(organization));
    }

    private ValueList<Correspondent> CopiesTo(F.DiagnosticReport dr, string at)
    {
        var result = new List<Correspondent>();
        foreach (var extension in dr.Extension.Where(e => e.Url == FhirUris.CopiesTo))
        {
            var path = $"copiesTo[{result.Count}]";
            var target = extension.GetExtension("practitioner")?.Value as F.ResourceReference;
            var role = (extension.GetExtension("role")?.Value as F.Code)?.Value;
            if (PractitionerFrom(_index.ResolveAny(target, $"{at}.extension[copies-to]"), path) is { } practitioner)
            {
                result.Add(new Correspondent(practitioner, role == "organization" ? CorrespondentRole.Organization : CorrespondentRole.Copy));
            }
            else if (target is null)
            {
                _sink.Add($"{at}.extension[copies-to]", ErrorCodes.Required, "copies-to needs its practitioner reference");
            }
        }

        return new ValueList<Correspondent>(result);
    }

    // ------------------------------------------------------------------------------------------------ organizations

    private Laboratory Laboratory(F.Organization o)
    {
        var where = _index.LocationOf(o);
        Sources.Add("laboratory", where);
        string? finessGeo = null;
        string? finessJur = null;
        string? accreditation = null;
        foreach (var identifier in o.Identifier)
        {
            if (identifier.System is FhirUris.Finess or FhirUris.FinessLegacy)
            {
                var kind = identifier.Type?.Coding.Select(c => c.Code).FirstOrDefault();
                if (kind == "FINEJ")
                {
                    finessJur ??= identifier.Value;
                }
                else
                {
                    finessGeo ??= identifier.Value;
                }
            }
            else if (identifier.System == "urn:oid:" + Domain.CodeSystems.Cofrac)
            {
                accreditation ??= identifier.Value;
            }
        }

        if (finessGeo is null)
        {
            _sink.Add($"{where}.identifier", ErrorCodes.Required, $"the lab's FINESS géographique (system {FhirUris.Finess}, type FINEG) is required");
        }

        var oids = o.GetExtension(FhirUris.LabOids);
        if (oids is null)
        {
            _sink.Add($"{where}.extension", ErrorCodes.Required, $"the lab's OIDs ({FhirUris.LabOids}) are required");
        }

        var telecoms = Telecoms(o.Telecom, out var mssante);
        var setting = o.Type.SelectMany(t => t.Coding).Any(c => c.Code == "ETABLISSEMENT") ? PracticeSetting.Hospital : PracticeSetting.Ambulatory;
        var director = o.GetExtension(FhirUris.LabDirector)?.Value is F.ResourceReference d
            ? PractitionerFrom(_index.ResolveAny(d, $"{where}.extension[lab-director]"), "laboratory.director")
            : null;
        return new Laboratory(
            o.Name ?? string.Empty,
            finessGeo ?? string.Empty,
            finessJur,
            o.Address.FirstOrDefault() is { } a ? Address(a) : new Domain.Address(ValueList<string>.Empty, null, null),
            telecoms,
            new LabOids(Oid(oids, "documents") ?? string.Empty, Oid(oids, "orders") ?? string.Empty, Oid(oids, "specimens")),
            mssante,
            accreditation,
            setting,
            director);
    }

    private static string? Oid(F.Extension? parent, string name) =>
        parent?.GetExtension(name)?.Value is F.Oid oid && oid.Value is { } value ? (value.StartsWith("urn:oid:", StringComparison.Ordinal) ? value[8..] : value) : null;

    private static Domain.Organization Organization(F.Organization o)
    {
        var finess = o.Identifier.FirstOrDefault(i => i.System is FhirUris.Finess or FhirUris.FinessLegacy)?.Value;
        return new Domain.Organization(o.Name ?? string.Empty, finess, o.Address.FirstOrDefault() is { } a ? Address(a) : null, Telecoms(o.Telecom, out _), PracticeSettingOf(o));
    }

    /// <summary>The organization's TRE_A01 practice setting (Organization.type ETABLISSEMENT / AMBULATOIRE), when it gives one.</summary>
    private static PracticeSetting? PracticeSettingOf(F.Organization o)
    {
        var codes = o.Type.SelectMany(t => t.Coding).Select(c => c.Code).ToList();
        return codes.Contains("ETABLISSEMENT") ? PracticeSetting.Hospital : codes.Contains("AMBULATOIRE") ? PracticeSetting.Ambulatory : null;
    }

    // ------------------------------------------------------------------------------------------------ request, specimens, stay

    private LabRequest Request(F.ServiceRequest r)
    {
        var where = _index.LocationOf(r);
        Sources.Add("request", where);
        if (r.Requisition?.Value is null)
        {
            _sink.Add($"{where}.requisition", ErrorCodes.Required, "the lab's request number (requisition) is required");
        }

        var received = (r.GetExtension(FhirUris.RequestReceivedAt)?.Value as F.FhirDateTime)?.Value;
        if (!Timestamps.TryParse(received, out var receivedAt))
        {
            _sink.Add($"{where}.extension[request-received-at]", received is null ? ErrorCodes.Required : ErrorCodes.Date,
                "when the lab received the request is required, as a date-time with its UTC offset");
        }

        DateOnly? prescriptionDate = null;
        if (r.AuthoredOn is { } authored)
        {
            if (Timestamps.TryParseDate(authored.Length >= 10 ? authored[..10] : authored, out var day))
            {
                prescriptionDate = day;
            }
            else
            {
                _sink.Add($"{where}.authoredOn", ErrorCodes.Date, "must start with a full date YYYY-MM-DD");
            }
        }

        var prescription = r.Identifier.FirstOrDefault();
        return new LabRequest(
            r.Requisition?.Value ?? string.Empty,
            prescription?.Value,
            prescriptionDate,
            receivedAt,
            r.Priority is F.RequestPriority.Urgent or F.RequestPriority.Asap or F.RequestPriority.Stat ? Urgency.Urgent : Urgency.Routine,
            FhirUris.OidOf(prescription?.System));
    }

    private Specimen Specimen(F.Specimen s, string modelPath)
    {
        var where = _index.LocationOf(s);
        var id = s.Identifier.FirstOrDefault()?.Value;
        if (id is null)
        {
            _sink.Add($"{where}.identifier", ErrorCodes.Required, "the specimen id (identifier) is required");
        }

        var coding = s.Type?.Coding.FirstOrDefault();
        if (coding is null)
        {
            _sink.Add($"{where}.type", ErrorCodes.Required, "the specimen type (HL7 table 0487) is required");
        }

        var collected = (s.Collection?.Collected as F.FhirDateTime)?.Value;
        if (!Timestamps.TryParse(collected, out var collectedAt))
        {
            _sink.Add($"{where}.collection.collectedDateTime", collected is null ? ErrorCodes.Required : ErrorCodes.Date, "collection date-time with its UTC offset is required");
        }

        if (!Timestamps.TryParse(s.ReceivedTime, out var receivedAt))
        {
            _sink.Add($"{where}.receivedTime", s.ReceivedTime is null ? ErrorCodes.Required : ErrorCodes.Date, "reception date-time with its UTC offset is required");
        }

        return new Specimen(
            id ?? string.Empty,
            coding is null ? s_emptyCode : new CodedConcept(FhirUris.OidOf(coding.System) ?? Domain.CodeSystems.SpecimenType, coding.Code ?? string.Empty, coding.Display ?? s.Type?.Text ?? string.Empty),
            collectedAt,
            receivedAt,
            s.Collection?.Collector is { } collector ? PractitionerFrom(_index.ResolveAny(collector, $"{where}.collection.collector"), $"{modelPath}.collector") : null);
    }

    private HospitalStay? Stay(F.Encounter? e)
    {
        if (e is null)
        {
            return null;
        }

        var where = _index.LocationOf(e);
        Sources.Add("hospitalStay", where);
        static bool Typed(F.Identifier i, string code) => i.Type?.Coding.Any(c => c.Code == code) == true;
        var identifier = e.Identifier.FirstOrDefault(i => Typed(i, "VN")) ?? e.Identifier.FirstOrDefault(i => !Typed(i, "AN"));
        var account = e.Identifier.FirstOrDefault(i => Typed(i, "AN"));
        if (identifier?.Value is null)
        {
            _sink.Add($"{where}.identifier", ErrorCodes.Required, "the visit number (identifier) is required");
        }

        var kind = e.Class?.Code switch
        {
            "IMP" or "ACUTE" or "NONAC" => EncounterKind.Inpatient,
            "AMB" or "SS" => EncounterKind.Outpatient,
            "EMER" => EncounterKind.Emergency,
            _ => Fail<EncounterKind>($"{where}.class", ErrorCodes.Enum, "class must be IMP, AMB or EMER"),
        };
        if (!Timestamps.TryParse(e.Period?.Start, out var admitted))
        {
            _sink.Add($"{where}.period.start", ErrorCodes.Required, "admission date-time with its UTC offset is required");
        }

        DateTimeOffset? discharged = Timestamps.TryParse(e.Period?.End, out var end) ? end : null;
        CareUnit? unit = null;
        if (e.Location.FirstOrDefault()?.Location is { } locationReference && _index.Resolve<F.Location>(locationReference, $"{where}.location[0].location", required: true) is { } location)
        {
            unit = new CareUnit(location.Identifier.FirstOrDefault()?.Value ?? string.Empty, location.Name ?? string.Empty);
        }

        var facility = e.ServiceProvider is null ? null : _index.Resolve<F.Organization>(e.ServiceProvider, $"{where}.serviceProvider", required: true);
        return new HospitalStay(
            new LocalIdentifier(identifier?.Value ?? string.Empty, FhirUris.OidOf(identifier?.System) ?? identifier?.System ?? string.Empty),
            kind,
            unit,
            admitted,
            discharged,
            facility is null ? null : Organization(facility),
            account?.Value is null ? null : new LocalIdentifier(account.Value, FhirUris.OidOf(account.System) ?? account.System ?? string.Empty));
    }

    private DeliveryOptions Delivery(F.DiagnosticReport dr, string at)
    {
        if (dr.GetExtension(FhirUris.DeliveryOptions) is not { } ext)
        {
            return DeliveryOptions.Default;
        }

        bool Flag(string name, bool fallback) => ext.GetExtension(name)?.Value is F.FhirBoolean b && b.Value is { } v ? v : fallback;
        string? Text(string name) => (ext.GetExtension(name)?.Value as F.FhirString)?.Value;
        foreach (var sub in ext.Extension)
        {
            if (sub.Url is not ("blockDmp" or "invisibleToPatient" or "invisibleToLegalRepresentatives" or "maskedToProfessionals" or "secretConnection" or
                "sendToPatient" or "patientMayNotReply" or "receptionAcknowledgement" or "readAcknowledgement" or "mailBodyProfessional" or "mailBodyPatient"))
            {
                _sink.Add($"{at}.extension[delivery-options].extension[{sub.Url}]", ErrorCodes.UnknownProperty, "is not a delivery option");
            }
        }

        var d = DeliveryOptions.Default;
        return new DeliveryOptions(
            Flag("blockDmp", d.BlockDmp),
            Flag("invisibleToPatient", d.InvisibleToPatient),
            Flag("invisibleToLegalRepresentatives", d.InvisibleToLegalRepresentatives),
            Flag("maskedToProfessionals", d.MaskedToProfessionals),
            Flag("secretConnection", d.SecretConnection),
            Flag("sendToPatient", d.SendToPatient),
            Flag("patientMayNotReply", d.PatientMayNotReply),
            Flag("receptionAcknowledgement", d.ReceptionAcknowledgement),
            Flag("readAcknowledgement", d.ReadAcknowledgement),
            Text("mailBodyProfessional"),
            Text("mailBodyPatient"));
    }

    // ------------------------------------------------------------------------------------------------ small types

    private static Domain.Address Address(F.Address a) =>
        new(new ValueList<string>(a.Line.OfType<string>()), a.PostalCode, a.City, a.Country);

    private static ValueList<Telecom> Telecoms(IEnumerable<F.ContactPoint> points, out string? mssante)
    {
        mssante = null;
        var result = new List<Telecom>();
        foreach (var point in points)
        {
            if (point.Value is not { } value)
            {
                continue;
            }

            var isMssante = point.System == F.ContactPoint.ContactPointSystem.Email &&
                point.GetExtension(FhirUris.EmailType)?.Value is F.Coding { Code: "MSSANTE" };
            if (isMssante)
            {
                mssante ??= value;
                continue;
            }

            TelecomKind? kind = point.System switch
            {
                F.ContactPoint.ContactPointSystem.Phone => point.Use == F.ContactPoint.ContactPointUse.Mobile ? TelecomKind.Mobile : TelecomKind.Phone,
                F.ContactPoint.ContactPointSystem.Fax => TelecomKind.Fax,
                F.ContactPoint.ContactPointSystem.Email => TelecomKind.Email,
                _ => null,
            };
            if (kind is { } k)
            {
                result.Add(new Telecom(k, value));
            }
        }

        return new ValueList<Telecom>(result);
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

        _sink.Add($"{at}.extension[{url[(url.LastIndexOf('/') + 1)..]}]", ErrorCodes.Type, "must be a valueInteger");
        return null;
    }

    private static string? StringExtension(F.DomainResource resource, string url) => (resource.GetExtension(url)?.Value as F.FhirString)?.Value;

    private T Fail<T>(string path, string code, string message)
    {
        _sink.Add(path, code, message);
        return default!;
    }

    private static Domain.Patient EmptyPatient() => new(string.Empty, null, ValueList<string>.Empty, null, default, Sex.Unknown, null,
        new LocalIdentifier(string.Empty, string.Empty), null, IdentityStatus.Provisional, null, ValueList<Telecom>.Empty, null);

    private static Practitioner EmptyPractitioner() => new(null, string.Empty, null, null, null, null, null, ValueList<Telecom>.Empty, null);

    private static Laboratory EmptyLab() => new(string.Empty, string.Empty, null, new Domain.Address(ValueList<string>.Empty, null, null),
        ValueList<Telecom>.Empty, new LabOids(string.Empty, string.Empty), null, null, PracticeSetting.Ambulatory, null);
}

using SglReference.Domain;
using SglReference.Domain.Validation;
using SglReference.Input.Json;
using F = Hl7.Fhir.Model;

namespace SglReference.Fhir;

/// <summary>One result: its codes, value, reference ranges, comments, specimen and performing lab.</summary>
internal sealed partial class FhirReportMapper
{
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
            new ValueList<ReferenceRange>(o.ReferenceRange.Select((r, i) => ReferenceRange(r, $"{where}.referenceRange[{i}]", o.Value as F.Quantity))),
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

    /// <summary>A reference range; limits written with a unit but no UCUM code take the result's code when the units agree.</summary>
    private ReferenceRange ReferenceRange(F.Observation.ReferenceRangeComponent r, string where, F.Quantity? result)
    {
        var unitSource = r.Low ?? r.High;
        var code = unitSource?.Code;
        if (code is null && unitSource?.Unit is { } written && result?.Code is { } resultCode && (written == resultCode || written == result.Unit))
        {
            code = resultCode;
        }

        var display = unitSource?.Unit is { } u && u != code ? u : null;
        ReferencePopulation? population = null;
        var sexCode = r.AppliesTo.SelectMany(c => c.Coding).Select(c => c.Code).FirstOrDefault(c => c is "female" or "male" or "F" or "M");
        // A band other than the normal range (EU Laboratory Report: "Equivocal", "Low positive") is named by its type.
        var description = r.AppliesTo.Select(c => c.Text).FirstOrDefault(t => t is not null) ??
            (r.Type is { } type && type.Coding.All(c => c.Code != "normal") ? type.Text ?? type.Coding.FirstOrDefault()?.Display : null);
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
}

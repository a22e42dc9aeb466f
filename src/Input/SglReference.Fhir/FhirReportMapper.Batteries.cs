using SglReference.Domain;
using SglReference.Domain.Validation;
using F = Hl7.Fhir.Model;

namespace SglReference.Fhir;

/// <summary>
/// Chapters and batteries: each <c>DiagnosticReport.result</c> is a battery, flat (one result) or grouped by
/// <c>Observation.hasMember</c>, recursively; inside a battery an organism identification with its growth and
/// susceptibility panel is an isolate with its antibiogram (EU Laboratory Report microbiology).
/// </summary>
internal sealed partial class FhirReportMapper
{
    private const int MaxNesting = 8;

    private static readonly HashSet<string> s_susceptibilityPanels = new(StringComparer.Ordinal) { "29576-6", "18769-0", "29579-0" };

    private static readonly HashSet<string> s_organismIdentification = new(StringComparer.Ordinal)
    {
        "630-4", "634-6", "635-3", "6463-4", "11475-1", "600-7", "580-1", "43409-2",
    };

    private readonly HashSet<F.Observation> _visited = new(ReferenceEqualityComparer.Instance);
    private int _isolates;

    private List<Chapter> Chapters(F.DiagnosticReport dr, string at, Dictionary<F.Specimen, string> specimenIds)
    {
        var chapters = new List<(CodedConcept Code, string Title, List<Battery> Batteries)>();
        var skipped = false;
        if (dr.Result.Count == 0)
        {
            Fail<string>($"{at}.result", ErrorCodes.Required, "the report has no result", "chapters");
        }

        for (var i = 0; i < dr.Result.Count; i++)
        {
            if (_index.Resolve<F.Observation>(dr.Result[i], $"{at}.result[{i}]", required: true) is not { } top)
            {
                skipped = true;
                continue;
            }

            var where = _index.LocationOf(top);
            if (ChapterOf(top, dr) is not { } chapter)
            {
                _sink.Add($"{where}.category", ErrorCodes.Required,
                    "the chapter (laboratory specialty) of this result is unknown: give Observation.category or DiagnosticReport.category coded in LOINC " +
                    "(e.g. 18719-5 Biochimie) or in v2-0074 (CH, HM, MB...), or file it in a Composition section coded in LOINC");
                skipped = true;
                continue;
            }

            var chapterIndex = chapters.FindIndex(c => c.Code.Code == chapter.Code.Code);
            if (chapterIndex < 0)
            {
                chapters.Add((chapter.Code, chapter.Title, []));
                chapterIndex = chapters.Count - 1;
                Sources.Add($"chapters[{chapterIndex}]", chapter.Source);
            }

            var batteries = chapters[chapterIndex].Batteries;
            var path = $"chapters[{chapterIndex}].batteries[{batteries.Count}]";
            Sources.Add(path, where);
            _visited.Add(top);
            batteries.Add(Battery(top, path, specimenIds));
        }

        if (skipped && chapters.Count == 0)
        {
            Sources.Reported("chapters");
        }

        return chapters.Select(c => new Chapter(c.Code, c.Title, new ValueList<Battery>(c.Batteries), ValueList<Comment>.Empty)).ToList();
    }

    /// <summary>
    /// The chapter of a top-level result, from the first source that names one: its own <c>category</c> (LOINC, or
    /// v2-0074), the Composition section that lists it, <c>DiagnosticReport.category</c>, the LOINC class of its code.
    /// </summary>
    private (CodedConcept Code, string Title, string Source)? ChapterOf(F.Observation top, F.DiagnosticReport dr)
    {
        var where = _index.LocationOf(top);
        foreach (var category in top.Category)
        {
            if (category.Coding.FirstOrDefault(c => c.System == FhirUris.Loinc && c.Code is not null) is { Code: { } code } loinc)
            {
                // Any LOINC code here is taken as the specialty (earlier SglReference Bundles); the validator checks it.
                var display = loinc.Display ?? category.Text ?? ChapterCodes.TitleOf(code);
                return (new CodedConcept(Domain.CodeSystems.Loinc, code, display), category.Text ?? display, $"{where}.category");
            }
        }

        if (FromServiceSection(top.Category) is { } own)
        {
            return (own, own.Display, $"{where}.category");
        }

        if (_composition is not null && SectionOf(_composition.Section, top, $"{_index.LocationOf(_composition)}.section") is { } section)
        {
            return section;
        }

        foreach (var category in dr.Category)
        {
            if (category.Coding.FirstOrDefault(c => c.System == FhirUris.Loinc && ChapterCodes.Specialties.ContainsKey(c.Code ?? string.Empty)) is { Code: { } code } loinc)
            {
                var display = loinc.Display ?? ChapterCodes.TitleOf(code);
                return (new CodedConcept(Domain.CodeSystems.Loinc, code, display), category.Text ?? display, $"{_index.LocationOf(dr)}.category");
            }
        }

        if (FromServiceSection(dr.Category) is { } section0074)
        {
            return (section0074, section0074.Display, $"{_index.LocationOf(dr)}.category");
        }

        if (LoincClassChapter(top, 0) is { } byClass)
        {
            return (byClass, byClass.Display, $"{where}.code");
        }

        return null;
    }

    private static CodedConcept? FromServiceSection(List<F.CodeableConcept> categories)
    {
        foreach (var coding in categories.SelectMany(c => c.Coding))
        {
            if (coding.System == FhirUris.DiagnosticServiceSection && coding.Code is { } code && ChapterCodes.ServiceSections.TryGetValue(code, out var loinc))
            {
                return ChapterCodes.Specialty(loinc);
            }
        }

        return null;
    }

    /// <summary>The specialty of the LOINC class of the result's code, or of its first member's.</summary>
    private CodedConcept? LoincClassChapter(F.Observation o, int depth)
    {
        var loinc = o.Code?.Coding.FirstOrDefault(c => c.System == FhirUris.Loinc)?.Code;
        if (loinc is not null && ChapterCodes.ClassOfCode.TryGetValue(loinc, out var cls) && ChapterCodes.Classes.TryGetValue(cls, out var specialty))
        {
            return ChapterCodes.Specialty(specialty);
        }

        if (depth < MaxNesting)
        {
            foreach (var member in o.HasMember)
            {
                if (_index.TryResolve(member) is F.Observation m && LoincClassChapter(m, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>The innermost Composition section coded with a LOINC specialty whose entries (or sub-sections') list <paramref name="top"/>.</summary>
    private (CodedConcept Code, string Title, string Source)? SectionOf(List<F.Composition.SectionComponent> sections, F.Observation top, string path)
    {
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            var here = $"{path}[{i}]";
            var inner = SectionOf(section.Section, top, $"{here}.section");
            if (inner is not null)
            {
                return inner;
            }

            var lists = section.Entry.Any(e => ReferenceEquals(_index.TryResolve(e), top)) || Contains(section.Section, top);
            var coding = section.Code?.Coding.FirstOrDefault(c => c.System == FhirUris.Loinc && ChapterCodes.Specialties.ContainsKey(c.Code ?? string.Empty));
            if (lists && coding?.Code is { } code)
            {
                var display = coding.Display ?? ChapterCodes.TitleOf(code);
                return (new CodedConcept(Domain.CodeSystems.Loinc, code, display), section.Title ?? display, $"{here}.code");
            }
        }

        return null;
    }

    private bool Contains(List<F.Composition.SectionComponent> sections, F.Observation top) =>
        sections.Any(s => s.Entry.Any(e => ReferenceEquals(_index.TryResolve(e), top)) || Contains(s.Section, top));

    private Battery Battery(F.Observation top, string path, Dictionary<F.Specimen, string> specimenIds)
    {
        var where = _index.LocationOf(top);
        if (top.HasMember.Count == 0)
        {
            // a single analysis: a battery of one result, titled by it
            var single = Observation(top, $"{path}.observations[0]", specimenIds);
            return new Battery(null, null, single.Label, ValueList<Observation>.Of(single), ValueList<Isolate>.Empty, ValueList<Comment>.Empty, null, null);
        }

        var (loinc, local) = Codes(top.Code, where);
        var observations = new List<Observation>();
        var isolates = new List<Isolate>();
        if (top.Value is not null)
        {
            // a panel that carries a result of its own (a Gram stain with its organisms): that result comes first
            observations.Add(Observation(top, $"{path}.observations[0]", specimenIds));
        }

        Members(top, path, observations, isolates, specimenIds, 1);
        var title = top.Code?.Text ?? loinc?.Display ?? local?.Display;
        if (title is null)
        {
            Fail<string>($"{where}.code.text", ErrorCodes.Required, "the title printed for people (code.text) is required", $"{path}.title");
        }

        // a battery's own validation time (a correction keeps the time of batteries it did not re-validate)
        DateTimeOffset? validatedAt = top.Issued;
        var nabm = top.Code?.Coding.FirstOrDefault(c => FhirUris.OidOf(c.System) == Domain.CodeSystems.Nabm);
        return new Battery(
            loinc,
            local,
            title ?? string.Empty,
            new ValueList<Observation>(observations),
            new ValueList<Isolate>(isolates),
            Notes(top.Note, $"{path}.comments", $"{where}.note"),
            SpecimenId(top, specimenIds),
            Performer(top, $"{path}.performedBy"),
            validatedAt,
            nabm is null ? null : new CodedConcept(Domain.CodeSystems.Nabm, nabm.Code ?? string.Empty, nabm.Display ?? string.Empty));
    }

    /// <summary>The members of <paramref name="parent"/>, flattened in order: results, and isolates with their antibiograms.</summary>
    private void Members(F.Observation parent, string path, List<Observation> observations, List<Isolate> isolates, Dictionary<F.Specimen, string> specimenIds, int depth)
    {
        var where = _index.LocationOf(parent);
        for (var i = 0; i < parent.HasMember.Count; i++)
        {
            if (Member(parent.HasMember[i], $"{where}.hasMember[{i}]", depth) is not { } member)
            {
                continue;
            }

            if (IsIsolate(member))
            {
                var isolatePath = $"{path}.isolates[{isolates.Count}]";
                Sources.Add(isolatePath, _index.LocationOf(member));
                isolates.Add(Isolate(member, isolatePath, specimenIds, depth));
                continue;
            }

            if (member.Value is not null || member.HasMember.Count == 0)
            {
                var memberPath = $"{path}.observations[{observations.Count}]";
                Sources.Add(memberPath, _index.LocationOf(member));
                observations.Add(Observation(member, memberPath, specimenIds));
            }

            if (member.HasMember.Count > 0)
            {
                Members(member, path, observations, isolates, specimenIds, depth + 1);
            }
        }
    }

    /// <summary>Resolves a hasMember reference; each Observation is used once, nesting is bounded.</summary>
    private F.Observation? Member(F.ResourceReference reference, string at, int depth)
    {
        if (_index.Resolve<F.Observation>(reference, at, required: true) is not { } member)
        {
            return null;
        }

        if (!_visited.Add(member))
        {
            _sink.Add(at, ErrorCodes.FhirReference, $"{_index.LocationOf(member)} is already a result of this report (listed twice, or a hasMember cycle)");
            return null;
        }

        if (depth > MaxNesting)
        {
            _sink.Add(at, ErrorCodes.Cardinality, $"results nest more than {MaxNesting} levels deep");
            return null;
        }

        return member;
    }

    /// <summary>
    /// An isolate: an organism (valueCodeableConcept) identified by culture — it has a susceptibility panel among
    /// its members, or an organism-identification LOINC code (630-4, 634-6, 6463-4...) and members (growth, count).
    /// </summary>
    private bool IsIsolate(F.Observation o)
    {
        if (o.Value is not F.CodeableConcept || o.HasMember.Count == 0)
        {
            return false;
        }

        return o.HasMember.Any(m => _index.TryResolve(m) is F.Observation x && IsSusceptibilityPanel(x)) ||
            o.Code?.Coding.Any(c => c.System == FhirUris.Loinc && s_organismIdentification.Contains(c.Code ?? string.Empty)) == true;
    }

    private bool IsSusceptibilityPanel(F.Observation o) =>
        o.HasMember.Count > 0 &&
        (o.Code?.Coding.Any(c => c.System == FhirUris.Loinc && s_susceptibilityPanels.Contains(c.Code ?? string.Empty)) == true ||
         o.HasMember.All(m => _index.TryResolve(m) is F.Observation x && SusceptibilityCode(x) is not null));

    private Isolate Isolate(F.Observation o, string path, Dictionary<F.Specimen, string> specimenIds, int depth)
    {
        var where = _index.LocationOf(o);
        _isolates++;
        var id = o.Identifier.FirstOrDefault(i => i.Value is not null)?.Value ?? $"ISO{_isolates}";
        CodedConcept? organism = null;
        var concept = (F.CodeableConcept)o.Value!;
        // The NCBI Taxonomy coding (as the CDA's translation carries it) is the taxon; the organism is the other coding.
        static bool IsTaxon(F.Coding c) => FhirUris.OidOf(c.System) == Domain.CodeSystems.NcbiTaxonomy;
        var taxonCoding = concept.Coding.FirstOrDefault(IsTaxon);
        var taxon = taxonCoding is null ? null : new CodedConcept(Domain.CodeSystems.NcbiTaxonomy, taxonCoding.Code ?? string.Empty, taxonCoding.Display ?? concept.Text ?? string.Empty);
        var coding = concept.Coding.FirstOrDefault(c => c.System == FhirUris.Snomed) ?? concept.Coding.FirstOrDefault(c => !IsTaxon(c));
        if (coding is null || FhirUris.OidOf(coding.System) is not { } system)
        {
            Fail<string>($"{where}.valueCodeableConcept", ErrorCodes.Required, "the organism is coded (SNOMED CT http://snomed.info/sct, or urn:oid:…)", $"{path}.organism");
        }
        else
        {
            organism = new CodedConcept(system, coding.Code ?? string.Empty, coding.Display ?? concept.Text ?? string.Empty);
        }

        Observation? count = null;
        var antibiogram = new List<Susceptibility>();
        for (var i = 0; i < o.HasMember.Count; i++)
        {
            if (Member(o.HasMember[i], $"{where}.hasMember[{i}]", depth + 1) is not { } member)
            {
                continue;
            }

            var at = _index.LocationOf(member);
            if (IsSusceptibilityPanel(member))
            {
                for (var j = 0; j < member.HasMember.Count; j++)
                {
                    if (Member(member.HasMember[j], $"{at}.hasMember[{j}]", depth + 2) is { } antibiotic)
                    {
                        Sources.Add($"{path}.antibiogram[{antibiogram.Count}]", _index.LocationOf(antibiotic));
                        antibiogram.Add(Susceptibility(antibiotic, $"{path}.antibiogram[{antibiogram.Count}]"));
                    }
                }
            }
            else if (member.HasMember.Count == 0 && SusceptibilityCode(member) is not null)
            {
                Sources.Add($"{path}.antibiogram[{antibiogram.Count}]", at);
                antibiogram.Add(Susceptibility(member, $"{path}.antibiogram[{antibiogram.Count}]"));
            }
            else if (count is null && member.HasMember.Count == 0)
            {
                Sources.Add($"{path}.count", at);
                count = Observation(member, $"{path}.count", specimenIds);
            }
            else
            {
                _sink.Add(at, ErrorCodes.Cardinality,
                    $"an isolate ({where}) holds one growth or count result and its susceptibility panels; this result has no place in it");
            }
        }

        return new Isolate(id, organism ?? s_emptyCode, count, new ValueList<Susceptibility>(antibiogram), Notes(o.Note, $"{path}.comments", $"{where}.note"), taxon);
    }

    /// <summary>One antibiotic: its LOINC code, S/I/R (interpretation, or a coded value), the MIC (valueQuantity).</summary>
    private Susceptibility Susceptibility(F.Observation o, string path)
    {
        var where = _index.LocationOf(o);
        var coding = o.Code?.Coding.FirstOrDefault(c => c.System == FhirUris.Loinc) ?? o.Code?.Coding.FirstOrDefault(c => FhirUris.OidOf(c.System) is not null);
        CodedConcept antibiotic;
        if (coding is null)
        {
            antibiotic = Fail<CodedConcept?>($"{where}.code", ErrorCodes.Required, "the antibiotic is coded in LOINC (e.g. 18864-9 Ampicilline)", $"{path}.antibiotic") ?? s_emptyCode;
        }
        else
        {
            antibiotic = new CodedConcept(FhirUris.OidOf(coding.System)!, coding.Code ?? string.Empty, coding.Display ?? o.Code!.Text ?? string.Empty);
        }

        var category = SusceptibilityCode(o) switch
        {
            "S" => SusceptibilityCategory.Susceptible,
            "I" => SusceptibilityCategory.Intermediate,
            "R" => SusceptibilityCategory.Resistant,
            _ => Fail<SusceptibilityCategory>($"{where}.interpretation", ErrorCodes.Enum, "a susceptibility is S, I or R (interpretation in v3-ObservationInterpretation)", $"{path}.category"),
        };

        Domain.Quantity? mic = null;
        if (o.Value is F.Quantity q)
        {
            mic = Quantity(q, $"{where}.valueQuantity");
        }
        else if (o.Value is not null and not F.CodeableConcept)
        {
            _sink.Add($"{where}.value[x]", ErrorCodes.Type, "a susceptibility carries its MIC as valueQuantity (or S/I/R as valueCodeableConcept)");
        }

        return new Susceptibility(antibiotic, category, mic);
    }

    /// <summary>S, I or R from the interpretation, else from a coded value; null when neither says.</summary>
    private static string? SusceptibilityCode(F.Observation o)
    {
        var code = o.Interpretation.SelectMany(c => c.Coding).Select(c => c.Code).FirstOrDefault(c => c is "S" or "I" or "R");
        if (code is null && o.Value is F.CodeableConcept value)
        {
            code = value.Coding.Where(c => c.System == FhirUris.ObservationInterpretation).Select(c => c.Code).FirstOrDefault(c => c is "S" or "I" or "R");
        }

        return code;
    }
}

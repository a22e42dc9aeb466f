using System.Globalization;
using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Domain.Presentation;

namespace SglReference.Cda;

/// <summary>
/// The structured body of the N3: one FR-CR-BIO-Chapitre section per chapter, one sub-section per battery holding a
/// self-presenting narrative and one FR-Resultats-examens-de-biologie-medicale entry whose results point into that
/// narrative; a comment section; the mandatory FR-Document-PDF-copie section carrying the PDF of this version.
/// </summary>
internal sealed class N3BodyWriter
{
    private readonly CdaXml _x;
    private readonly LabReport _report;
    private int _ids;

    public N3BodyWriter(CdaXml x, LabReport report)
    {
        _x = x;
        _report = report;
    }

    public void Write(DocumentIdentity identity, ReadOnlyMemory<byte> pdf)
    {
        _x.Start("component");
        _x.Start("structuredBody");
        foreach (var chapter in _report.Chapters)
        {
            Chapter(chapter);
        }

        CommentSection();
        PdfSection(identity, pdf);
        _x.End();
        _x.End();
    }

    private string NextId(string prefix) => $"{prefix}-{++_ids}";

    // ------------------------------------------------------------------------------------------------------ sections

    private void Chapter(Chapter chapter)
    {
        _x.Start("component");
        _x.Start("section");
        _x.TemplateId("1.3.6.1.4.1.19376.1.3.3.2.1");
        _x.TemplateId("1.2.250.1.213.1.1.2.70");
        _x.Loinc("code", chapter.Code);
        _x.TextElement("title", chapter.Title);
        foreach (var battery in chapter.Batteries)
        {
            BatterySection(chapter, battery);
        }

        _x.End();
        _x.End();
    }

    private void BatterySection(Chapter chapter, Battery battery)
    {
        var ids = AllocateIds(battery);
        var sectionCode = battery.Code is { IsLoinc: true } panel ? panel : chapter.Code;
        _x.Start("component");
        _x.Start("section");
        _x.TemplateId("1.3.6.1.4.1.19376.1.3.3.2.2");
        _x.TemplateId("1.2.250.1.213.1.1.2.71");
        _x.Loinc("code", sectionCode);
        _x.TextElement("title", battery.Title);
        Narrative(battery, ids);
        Entry(battery, sectionCode, ids);
        _x.End();
        _x.End();
    }

    // ------------------------------------------------------------------------------------------------------ narrative

    private sealed record ObservationIds(string Label, string? Method, IReadOnlyList<string> Comments);

    private sealed record IsolateIds(string Organism, ObservationIds? Count, IReadOnlyList<string> Antibiotics, string Antibiogram, IReadOnlyList<string> Comments);

    private sealed record BatteryIds(string Title, IReadOnlyList<ObservationIds> Observations, IReadOnlyList<IsolateIds> Isolates, IReadOnlyList<string> Comments, string? Act);

    private BatteryIds AllocateIds(Battery battery)
    {
        ObservationIds ForObservation(Observation o) =>
            new(NextId("res"), o.Method is null ? null : NextId("met"), o.Comments.Select(_ => NextId("com")).ToList());

        return new BatteryIds(
            NextId("bat"),
            battery.Observations.Select(ForObservation).ToList(),
            battery.Isolates.Select(i => new IsolateIds(
                NextId("iso"),
                i.Count is null ? null : ForObservation(i.Count),
                i.Antibiogram.Select(_ => NextId("atb")).ToList(),
                NextId("abg"),
                i.Comments.Select(_ => NextId("com")).ToList())).ToList(),
            battery.Comments.Select(_ => NextId("com")).ToList(),
            battery.Nabm is null ? null : NextId("act"));
    }

    private void Narrative(Battery battery, BatteryIds ids)
    {
        _x.Start("text");
        if (_report.FindSpecimen(battery.SpecimenId) is { } specimen)
        {
            _x.Start("paragraph");
            _x.String($"Prélèvement {specimen.Id} : {specimen.Type.Display}, prélevé le {FrenchText.DateTime(specimen.CollectedAt)}" +
                (specimen.Collector is { } c ? $" par {c.DisplayName}" : string.Empty) + $", reçu le {FrenchText.DateTime(specimen.ReceivedAt)}");
            if (battery.Nabm is { } nabm)
            {
                _x.String(" ; acte : ");
                Content(ids.Act!, $"{nabm.Code} {nabm.Display} (NABM)");
            }

            _x.End();
        }

        if (battery.PerformedBy is { } performer)
        {
            _x.Start("paragraph");
            _x.String("Analyse transmise, réalisée par " + PerformerText(performer));
            _x.End();
        }

        _x.Start("paragraph");
        _x.Attr("styleCode", "Bold");
        Content(ids.Title, battery.Title);
        _x.End();
        if (battery.Observations.Count > 0)
        {
            _x.Start("table");
            _x.Attr("border", "1");
            _x.Start("thead");
            _x.Start("tr");
            foreach (var header in (ReadOnlySpan<string>)["Analyse", "Résultat", "Unité", "Valeurs de référence", "Interprétation", "Antériorité"])
            {
                _x.TextElement("th", header);
            }

            _x.End();
            _x.End();
            _x.Start("tbody");
            for (var i = 0; i < battery.Observations.Count; i++)
            {
                ObservationRows(battery.Observations[i], ids.Observations[i], battery);
            }

            _x.End();
            _x.End();
        }

        for (var i = 0; i < battery.Isolates.Count; i++)
        {
            IsolateNarrative(battery.Isolates[i], ids.Isolates[i], i + 1);
        }

        for (var i = 0; i < battery.Comments.Count; i++)
        {
            CommentParagraph(battery.Comments[i], ids.Comments[i]);
        }

        _x.Start("paragraph");
        _x.String($"Résultats validés le {FrenchText.DateTime(_report.ValidationTimeOf(battery))} par {_report.Biologist.DisplayName}.");
        _x.End();
        _x.End();
    }

    private void ObservationRows(Observation o, ObservationIds ids, Battery battery)
    {
        var unit = FrenchText.Unit(o.Value);
        _x.Start("tr");
        _x.Start("td");
        Content(ids.Label, o.Label);
        if (o.Method is { } method)
        {
            _x.Empty("br");
            Content(ids.Method!, method);
        }

        if (o.PerformedBy is { } performer && performer != battery.PerformedBy)
        {
            _x.Empty("br");
            _x.String("Réalisé par " + PerformerText(performer));
        }

        _x.End();
        _x.Start("td");
        if (o.Status == ResultStatus.Cancelled)
        {
            _x.String("Non réalisé");
        }
        else
        {
            if (o.IsAbnormal)
            {
                _x.Start("content");
                _x.Attr("styleCode", "Bold");
                _x.MultilineText(FrenchText.Value(o.Value));
                _x.End();
            }
            else
            {
                _x.MultilineText(FrenchText.Value(o.Value));
            }

            if (o.Status == ResultStatus.Corrected)
            {
                _x.String(" (corrigé)");
            }
        }

        _x.End();
        _x.TextElement("td", unit);
        _x.Start("td");
        for (var r = 0; r < o.ReferenceRanges.Count; r++)
        {
            if (r > 0)
            {
                _x.Empty("br");
            }

            _x.String(FrenchText.Limits(o.ReferenceRanges[r], unit));
        }

        _x.End();
        _x.TextElement("td", string.Join(", ", o.Interpretations.Select(c => $"{c} ({InterpretationCodes.Label(c)})")));
        _x.TextElement("td", o.Previous is { } previous ? $"{FrenchText.ValueWithUnit(previous.Value)} le {FrenchText.Date(previous.Date)}" : string.Empty);
        _x.End();
        for (var c = 0; c < o.Comments.Count; c++)
        {
            _x.Start("tr");
            _x.Start("td");
            _x.Attr("colspan", "6");
            CommentContent(o.Comments[c], ids.Comments[c]);
            _x.End();
            _x.End();
        }
    }

    private void IsolateNarrative(Isolate isolate, IsolateIds ids, int number)
    {
        _x.Start("paragraph");
        _x.String($"Germe n° {number} : ");
        Content(ids.Organism, isolate.Organism.Display);
        _x.End();
        if (isolate.Count is { } count)
        {
            _x.Start("paragraph");
            Content(ids.Count!.Label, count.Label);
            _x.String(" : " + FrenchText.ValueWithUnit(count.Value));
            _x.End();
        }

        if (isolate.Antibiogram.Count > 0)
        {
            _x.Start("paragraph");
            Content(ids.Antibiogram, "Antibiogramme");
            _x.End();
            _x.Start("table");
            _x.Attr("border", "1");
            _x.Start("thead");
            _x.Start("tr");
            _x.TextElement("th", "Antibiotique");
            _x.TextElement("th", "CMI");
            _x.TextElement("th", "Interprétation");
            _x.End();
            _x.End();
            _x.Start("tbody");
            for (var i = 0; i < isolate.Antibiogram.Count; i++)
            {
                var s = isolate.Antibiogram[i];
                _x.Start("tr");
                _x.Start("td");
                Content(ids.Antibiotics[i], s.Antibiotic.Display);
                _x.End();
                _x.TextElement("td", s.Mic is { } mic ? FrenchText.Quantity(mic) + " " + mic.PrintUnit : string.Empty);
                _x.TextElement("td", SusceptibilityCode(s.Category) + " (" + InterpretationCodes.Label(SusceptibilityCode(s.Category)) + ")");
                _x.End();
            }

            _x.End();
            _x.End();
        }

        for (var i = 0; i < isolate.Comments.Count; i++)
        {
            CommentParagraph(isolate.Comments[i], ids.Comments[i]);
        }
    }

    private void CommentParagraph(Comment comment, string id)
    {
        _x.Start("paragraph");
        CommentContent(comment, id);
        _x.End();
    }

    private void CommentContent(Comment comment, string id)
    {
        _x.Start("content");
        _x.Attr("ID", id);
        _x.String(comment.Kind switch
        {
            CommentKind.Interpretation => "Interprétation : ",
            CommentKind.Technical => "Note technique : ",
            _ => "Commentaire : ",
        });
        _x.MultilineText(comment.Text);
        _x.End();
    }

    private void Content(string id, string text)
    {
        _x.Start("content");
        _x.Attr("ID", id);
        _x.MultilineText(text);
        _x.End();
    }

    private static string PerformerText(PerformingLaboratory performer)
    {
        var org = performer.Organization;
        return org.Name + (org.Finess is { } f ? $" (FINESS {f})" : string.Empty) + (org.Address?.City is { } city ? $", {city}" : string.Empty);
    }

    // ------------------------------------------------------------------------------------------------------ entries

    private void Entry(Battery battery, CodedConcept sectionCode, BatteryIds ids)
    {
        _x.Start("entry");
        _x.Attr("typeCode", "DRIV");
        _x.TemplateId("1.3.6.1.4.1.19376.1.3.1");
        _x.TemplateId("1.2.250.1.213.1.1.3.21");
        _x.Start("act");
        _x.Attr("classCode", "ACT");
        _x.Attr("moodCode", "EVN");
        _x.Loinc("code", sectionCode);
        _x.Empty("statusCode", ("code", _report.Status == ReportStatus.Partial ? "active" : "completed"));
        if (battery.PerformedBy is { } performer)
        {
            Performer(performer, LastResultTime(battery));
        }

        Authenticator(_report.ValidationTimeOf(battery));
        if (_report.FindSpecimen(battery.SpecimenId) is { } specimen)
        {
            _x.Start("entryRelationship");
            _x.Attr("typeCode", "COMP");
            Procedure(specimen, battery.Nabm, ids.Act);
            _x.End();
        }

        if (battery.Observations.Count > 0)
        {
            if (battery.Code is not null || battery.LocalCode is not null)
            {
                _x.Start("entryRelationship");
                _x.Attr("typeCode", "COMP");
                _x.Start("organizer");
                _x.Attr("classCode", "BATTERY");
                _x.Attr("moodCode", "EVN");
                _x.TemplateId("1.3.6.1.4.1.19376.1.3.1.4");
                _x.TemplateId("1.2.250.1.213.1.1.3.78");
                EntryCode(battery.Code, battery.LocalCode, ids.Title);
                _x.Empty("statusCode", ("code", "completed"));
                for (var i = 0; i < battery.Observations.Count; i++)
                {
                    _x.Start("component");
                    Observation(battery.Observations[i], ids.Observations[i], battery);
                    _x.End();
                }

                _x.End();
                _x.End();
            }
            else
            {
                for (var i = 0; i < battery.Observations.Count; i++)
                {
                    _x.Start("entryRelationship");
                    _x.Attr("typeCode", "COMP");
                    Observation(battery.Observations[i], ids.Observations[i], battery);
                    _x.End();
                }
            }
        }

        for (var i = 0; i < battery.Isolates.Count; i++)
        {
            _x.Start("entryRelationship");
            _x.Attr("typeCode", "COMP");
            IsolateEntry(battery.Isolates[i], ids.Isolates[i], battery);
            _x.End();
        }

        // Isolate comments are FR-Commentaire-ER of the act (entryRelationship SUBJ), as in the official Microbiologie
        // example, not components of the isolate organizer.
        foreach (var isolateIds in ids.Isolates)
        {
            foreach (var commentId in isolateIds.Comments)
            {
                CommentEntry(commentId);
            }
        }

        for (var i = 0; i < battery.Comments.Count; i++)
        {
            CommentEntry(ids.Comments[i]);
        }

        _x.End();
        _x.End();
    }

    private DateTimeOffset LastResultTime(Battery battery) =>
        battery.Observations.Select(o => o.ObservedAt).OfType<DateTimeOffset>().DefaultIfEmpty(_report.ValidatedAt).Max();

    /// <summary>The biologist who validated the battery, at the time that battery was validated.</summary>
    private void Authenticator(DateTimeOffset validatedAt)
    {
        var biologist = _report.Biologist;
        var lab = _report.Laboratory;
        _x.Start("participant");
        _x.Attr("typeCode", "AUTHEN");
        _x.TemplateId("1.3.6.1.4.1.19376.1.3.3.1.5");
        _x.TemplateId("1.2.250.1.213.1.1.3.109");
        _x.Start("time");
        _x.Time("high", validatedAt);
        _x.End();
        _x.Start("participantRole");
        _x.ProfessionalId(biologist);
        _x.Address(biologist.Address ?? lab.Address);
        _x.Telecoms(biologist.Telecoms.IsEmpty ? lab.Telecoms : biologist.Telecoms, "WP");
        _x.Start("playingEntity");
        _x.PersonName(biologist);
        _x.End();
        _x.End();
        _x.End();
    }

    private void Performer(PerformingLaboratory performer, DateTimeOffset time)
    {
        _x.Start("performer");
        _x.Attr("typeCode", "PRF");
        _x.TemplateId("1.3.6.1.4.1.19376.1.3.3.1.7");
        _x.TemplateId("1.2.250.1.213.1.1.3.23");
        _x.Start("time");
        _x.Time("high", time);
        _x.End();
        _x.Start("assignedEntity");
        if (performer.Responsible is { } responsible)
        {
            _x.ProfessionalId(responsible);
            _x.Profession(responsible);
        }
        else
        {
            _x.Empty("id", ("nullFlavor", "UNK"));
        }

        _x.Address(performer.Responsible?.Address ?? performer.Organization.Address);
        _x.Telecoms(performer.Responsible is { Telecoms.IsEmpty: false } r ? r.Telecoms : performer.Organization.Telecoms, "WP");
        if (performer.Responsible is { } person)
        {
            _x.Start("assignedPerson");
            _x.PersonName(person);
            _x.End();
        }

        _x.Organization("representedOrganization", performer.Organization, performer.Organization.PracticeSetting, settingRequired: true);
        _x.End();
        _x.End();
    }

    /// <summary>
    /// FR-Prelevement as in the official Microbiologie example: the NABM act as code (pointing into the narrative) — or,
    /// when the lab gives none, SNOMED CT "specimen collection" —, the collection time as effectiveTime/high.
    /// </summary>
    private void Procedure(Specimen specimen, CodedConcept? nabm, string? nabmId)
    {
        _x.Start("procedure");
        _x.Attr("classCode", "PROC");
        _x.Attr("moodCode", "EVN");
        _x.TemplateId("1.3.6.1.4.1.19376.1.3.1.2");
        _x.TemplateId("1.2.250.1.213.1.1.3.77");
        if (nabm is not null && nabmId is not null)
        {
            _x.Start("code");
            _x.Attr("code", nabm.Code);
            _x.Attr("displayName", nabm.Display);
            _x.Attr("codeSystem", CodeSystems.Nabm);
            _x.Attr("codeSystemName", "NABM");
            _x.Start("originalText");
            Reference(nabmId);
            _x.End();
            _x.End();
        }
        else
        {
            _x.Code("code", CdaConstants.SpecimenCollectionCode, CodeSystems.Snomed, CdaConstants.SpecimenCollectionDisplay, "SNOMED CT");
        }

        _x.Start("effectiveTime");
        _x.Time("high", specimen.CollectedAt);
        _x.End();
        _x.Start("participant");
        _x.Attr("typeCode", "PRD");
        _x.Start("participantRole");
        _x.Attr("classCode", "SPEC");
        _x.Id(_report.Laboratory.Oids.SpecimenAuthority, specimen.Id);
        _x.Start("playingEntity");
        _x.Code("code", specimen.Type.Code, specimen.Type.System, specimen.Type.Display);
        _x.End();
        _x.End();
        _x.End();
        _x.Start("entryRelationship");
        _x.Attr("typeCode", "COMP");
        _x.Start("act");
        _x.Attr("classCode", "ACT");
        _x.Attr("moodCode", "EVN");
        _x.TemplateId("1.3.6.1.4.1.19376.1.3.1.3");
        _x.TemplateId("1.2.250.1.213.1.1.3.107");
        _x.Code("code", "SPRECEIVE", CdaConstants.IheActCode, "Échantillon reçu", "IHEActCode");
        _x.Time("effectiveTime", specimen.ReceivedAt);
        _x.End();
        _x.End();
        _x.End();
    }

    private void Observation(Observation o, ObservationIds ids, Battery battery)
    {
        _x.Start("observation");
        _x.Attr("classCode", "OBS");
        _x.Attr("moodCode", "EVN");
        _x.TemplateId("1.3.6.1.4.1.19376.1.3.1.6");
        _x.TemplateId("1.2.250.1.213.1.1.3.80");
        EntryCode(o.Loinc, o.LocalCode, ids.Label);
        _x.Empty("statusCode", ("code", o.Status == ResultStatus.Cancelled ? "aborted" : "completed"));
        _x.Time("effectiveTime", o.ObservedAt ?? _report.ValidatedAt);
        if (o.Status != ResultStatus.Cancelled && o.Value is { } value)
        {
            Value("value", value);
        }

        foreach (var interpretation in o.Interpretations)
        {
            _x.Code("interpretationCode", interpretation, CodeSystems.ObservationInterpretation, InterpretationCodes.Label(interpretation));
        }

        if (ids.Method is { } methodId)
        {
            _x.Start("methodCode");
            _x.Start("originalText");
            Reference(methodId);
            _x.End();
            _x.End();
        }

        if (o.PerformedBy is { } performer && performer != battery.PerformedBy)
        {
            Performer(performer, o.ObservedAt ?? _report.ValidatedAt);
        }

        for (var i = 0; i < o.Comments.Count; i++)
        {
            CommentEntry(ids.Comments[i]);
        }

        if (o.Previous is { } previous)
        {
            _x.Start("entryRelationship");
            _x.Attr("typeCode", "REFR");
            _x.Start("observation");
            _x.Attr("classCode", "OBS");
            _x.Attr("moodCode", "EVN");
            if (o.Loinc is { } loinc)
            {
                _x.Loinc("code", loinc);
            }
            else
            {
                _x.Empty("code", ("nullFlavor", "OTH"));
            }

            _x.Empty("statusCode", ("code", "completed"));
            _x.Date("effectiveTime", previous.Date);
            Value("value", previous.Value);
            _x.End();
            _x.End();
        }

        if (_report.ApplicableRangeOf(battery, o) is { } range)
        {
            _x.Start("referenceRange");
            _x.Attr("typeCode", "REFV");
            _x.Start("observationRange");
            _x.Attr("classCode", "OBS");
            _x.Attr("moodCode", "EVN.CRT");
            var text = FrenchText.Limits(range, FrenchText.Unit(o.Value));
            if (range.Text is not null || range.AppliesTo is not null)
            {
                _x.TextElement("text", text);
            }

            if (range.Low is not null || range.High is not null)
            {
                // A one-sided range prints as "> low" / "< high" (FrenchText.Limits): its bound is exclusive.
                var unit = range.Unit ?? "1";
                var oneSided = range.Low is null || range.High is null ? "false" : null;
                _x.Start("value");
                _x.XsiType("IVL_PQ");
                if (range.Low is { } low)
                {
                    _x.Empty("low", ("value", Number(low)), ("unit", unit), ("inclusive", oneSided));
                }

                if (range.High is { } high)
                {
                    _x.Empty("high", ("value", Number(high)), ("unit", unit), ("inclusive", oneSided));
                }

                _x.End();
            }

            _x.Code("interpretationCode", "N", CodeSystems.ObservationInterpretation, "Normal");
            _x.End();
            _x.End();
        }

        _x.End();
    }

    private void IsolateEntry(Isolate isolate, IsolateIds ids, Battery battery)
    {
        _x.Start("organizer");
        _x.Attr("classCode", "CLUSTER");
        _x.Attr("moodCode", "EVN");
        _x.TemplateId("1.3.6.1.4.1.19376.1.3.1.5");
        _x.TemplateId("1.2.250.1.213.1.1.3.79");
        _x.Empty("statusCode", ("code", "completed"));
        _x.Time("effectiveTime", isolate.Count?.ObservedAt ?? LastResultTime(battery));
        _x.Start("specimen");
        _x.Attr("typeCode", "SPC");
        _x.Start("specimenRole");
        _x.Attr("classCode", "SPEC");
        _x.Id(_report.Laboratory.Oids.SpecimenAuthority, $"{battery.SpecimenId ?? _report.Request.OrderNumber}-{isolate.Id}");
        _x.Start("specimenPlayingEntity");
        _x.Attr("classCode", "MIC");
        _x.Start("code");
        _x.Attr("code", isolate.Organism.Code);
        _x.Attr("displayName", isolate.Organism.Display);
        _x.Attr("codeSystem", isolate.Organism.System);
        _x.Attr("codeSystemName", isolate.Organism.System == CodeSystems.Snomed ? "SNOMED CT" : null);
        _x.Start("originalText");
        Reference(ids.Organism);
        _x.End();
        if (isolate.Taxon is { } taxon)
        {
            _x.Code("translation", taxon.Code, CodeSystems.NcbiTaxonomy, taxon.Display, "NCBI-Taxonomy");
        }

        _x.End();
        _x.End();
        _x.End();
        _x.End();
        if (isolate.Count is { } count)
        {
            _x.Start("component");
            Observation(count, ids.Count!, battery);
            _x.End();
        }

        if (isolate.Antibiogram.Count > 0)
        {
            _x.Start("component");
            _x.Start("organizer");
            _x.Attr("classCode", "BATTERY");
            _x.Attr("moodCode", "EVN");
            _x.TemplateId("1.3.6.1.4.1.19376.1.3.1.4");
            _x.TemplateId("1.2.250.1.213.1.1.3.78");
            _x.Start("code");
            _x.Attr("code", "18769-0");
            _x.Attr("displayName", "Antibiogramme");
            _x.Attr("codeSystem", CodeSystems.Loinc);
            _x.Attr("codeSystemName", "LOINC");
            _x.Start("originalText");
            Reference(ids.Antibiogram);
            _x.End();
            _x.End();
            _x.Empty("statusCode", ("code", "completed"));
            for (var i = 0; i < isolate.Antibiogram.Count; i++)
            {
                var s = isolate.Antibiogram[i];
                _x.Start("component");
                _x.Start("observation");
                _x.Attr("classCode", "OBS");
                _x.Attr("moodCode", "EVN");
                _x.TemplateId("1.3.6.1.4.1.19376.1.3.1.6");
                _x.TemplateId("1.2.250.1.213.1.1.3.80");
                EntryCode(s.Antibiotic.IsLoinc ? s.Antibiotic : null, s.Antibiotic.IsLoinc ? null : s.Antibiotic, ids.Antibiotics[i]);
                _x.Empty("statusCode", ("code", "completed"));
                _x.Time("effectiveTime", LastResultTime(battery));
                if (s.Mic is { } mic)
                {
                    Value("value", new QuantityValue(mic));
                }

                var code = SusceptibilityCode(s.Category);
                _x.Code("interpretationCode", code, CodeSystems.ObservationInterpretation, InterpretationCodes.Label(code));
                _x.End();
                _x.End();
            }

            _x.End();
            _x.End();
        }

        _x.End();
    }

    private static string SusceptibilityCode(SusceptibilityCategory category) => category switch
    {
        SusceptibilityCategory.Susceptible => "S",
        SusceptibilityCategory.Intermediate => "I",
        _ => "R",
    };

    private void CommentEntry(string id)
    {
        _x.Start("entryRelationship");
        _x.Attr("typeCode", "SUBJ");
        _x.Attr("inversionInd", "true");
        _x.Start("act");
        CommentAct(id);
        _x.End();
        _x.End();
    }

    /// <summary>The attributes and children of an FR-Commentaire-ER act (the act element is open).</summary>
    private void CommentAct(string id)
    {
        _x.Attr("classCode", "ACT");
        _x.Attr("moodCode", "EVN");
        _x.TemplateId("2.16.840.1.113883.10.20.1.40");
        _x.TemplateId("1.3.6.1.4.1.19376.1.5.3.1.4.2");
        _x.TemplateId("1.2.250.1.213.1.1.3.32");
        _x.Code("code", "48767-8", CodeSystems.Loinc, "Commentaire", "LOINC");
        _x.Start("text");
        Reference(id);
        _x.End();
        _x.Empty("statusCode", ("code", "completed"));
    }

    /// <summary>
    /// A result's code: LOINC with all its attributes (the local code as translation), or, without LOINC, a code
    /// without attributes holding the local code as translation; always with originalText pointing into the narrative.
    /// </summary>
    private void EntryCode(CodedConcept? loinc, CodedConcept? local, string narrativeId)
    {
        _x.Start("code");
        if (loinc is not null)
        {
            _x.Attr("code", loinc.Code);
            _x.Attr("displayName", loinc.Display);
            _x.Attr("codeSystem", CodeSystems.Loinc);
            _x.Attr("codeSystemName", "LOINC");
        }

        _x.Start("originalText");
        Reference(narrativeId);
        _x.End();
        if (local is not null)
        {
            _x.Empty("translation", ("code", local.Code), ("displayName", local.Display), ("codeSystem", local.System));
        }

        _x.End();
    }

    private void Reference(string id) => _x.Empty("reference", ("value", "#" + id));

    private void Value(string element, ObservationValue value)
    {
        _x.Start(element);
        switch (value)
        {
            case QuantityValue { Quantity: var q } when q.Comparator is null:
                _x.XsiType("PQ");
                _x.Attr("value", Number(q.Value));
                _x.Attr("unit", q.Unit);
                break;
            case QuantityValue { Quantity: var q }:
                _x.XsiType("IVL_PQ");
                var inclusive = q.Comparator is QuantityComparator.LessOrEqual or QuantityComparator.GreaterOrEqual ? "true" : "false";
                _x.Empty(q.Comparator is QuantityComparator.LessThan or QuantityComparator.LessOrEqual ? "high" : "low",
                    ("value", Number(q.Value)), ("unit", q.Unit), ("inclusive", inclusive));
                break;
            case CodedValue { Code: var c }:
                _x.XsiType("CD");
                _x.Attr("code", c.Code);
                _x.Attr("displayName", c.Display);
                _x.Attr("codeSystem", c.System);
                _x.Attr("codeSystemName", c.System == CodeSystems.Snomed ? "SNOMED CT" : c.IsLoinc ? "LOINC" : null);
                break;
            case TextValue { Text: var t }:
                _x.XsiType("ST");
                _x.String(t);
                break;
            case RatioValue r:
                _x.XsiType("RTO");
                RatioPart("numerator", r.Numerator);
                RatioPart("denominator", r.Denominator);
                break;
            case RangeValue range:
                _x.XsiType("IVL_PQ");
                if (range.Low is { } low)
                {
                    _x.Empty("low", ("value", Number(low.Value)), ("unit", low.Unit));
                }

                if (range.High is { } high)
                {
                    _x.Empty("high", ("value", Number(high.Value)), ("unit", high.Unit));
                }

                break;
        }

        _x.End();
    }

    private void RatioPart(string element, decimal value)
    {
        _x.Start(element);
        _x.XsiType(decimal.Truncate(value) == value ? "INT" : "REAL");
        _x.Attr("value", Number(value));
        _x.End();
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------------------------------------------ comments, PDF

    private void CommentSection()
    {
        var comments = new List<(string? Heading, Comment Comment)>();
        if (_report.CorrectionReason is { } reason)
        {
            comments.Add(("Motif de la correction", new Comment(reason)));
        }

        comments.AddRange(_report.Chapters.SelectMany(c => c.Comments.Select(comment => ((string?)c.Title, comment))));
        comments.AddRange(_report.Comments.Select(c => ((string?)null, c)));
        if (comments.Count == 0)
        {
            return;
        }

        _x.Start("component");
        _x.Start("section");
        _x.TemplateId("2.16.840.1.113883.10.12.201");
        _x.TemplateId("1.3.6.1.4.1.19376.1.4.1.2.16");
        _x.TemplateId("1.2.250.1.213.1.1.2.73");
        _x.Code("code", "55112-7", CodeSystems.Loinc, "Commentaire", "LOINC");
        _x.TextElement("title", "Commentaires");
        _x.Start("text");
        foreach (var (heading, comment) in comments)
        {
            _x.Start("paragraph");
            if (heading is not null)
            {
                _x.String(heading + " : ");
            }

            CommentContent(comment, NextId("com"));
            _x.End();
        }

        _x.End();
        _x.End();
        _x.End();
    }

    private void PdfSection(DocumentIdentity identity, ReadOnlyMemory<byte> pdf)
    {
        const string media = "pdf-copie";
        _x.Start("component");
        _x.Start("section");
        _x.TemplateId("1.2.250.1.213.1.1.2.243");
        _x.Id(Uuid(identity.Id, "section"));
        _x.Code("code", "55108-5", CodeSystems.Loinc, "Copie du document", "LOINC");
        _x.TextElement("title", "Copie du document");
        _x.Start("text");
        _x.Start("table");
        _x.Start("tbody");
        _x.Start("tr");
        _x.Start("td");
        _x.Start("content");
        _x.Attr("ID", "pdf-type");
        _x.String("Copie PDF du compte rendu");
        _x.End();
        _x.End();
        _x.End();
        _x.Start("tr");
        _x.Start("td");
        _x.Empty("renderMultiMedia", ("referencedObject", media));
        _x.End();
        _x.End();
        _x.End();
        _x.End();
        _x.End();
        _x.Start("entry");
        _x.Start("organizer");
        _x.Attr("classCode", "CLUSTER");
        _x.Attr("moodCode", "EVN");
        _x.TemplateId("1.2.250.1.213.1.1.3.18");
        _x.Id(Uuid(identity.Id, "organizer"));
        _x.Code("code", "55107-7", CodeSystems.Loinc, "Document attaché", "LOINC");
        _x.Empty("statusCode", ("code", "completed"));
        _x.Start("component");
        _x.Start("observation");
        _x.Attr("classCode", "OBS");
        _x.Attr("moodCode", "EVN");
        _x.TemplateId("1.3.6.1.4.1.19376.1.5.3.1.4.13");
        _x.TemplateId("1.2.250.1.213.1.1.3.48");
        _x.TemplateId("1.2.250.1.213.1.1.3.48.18");
        _x.Id(Uuid(identity.Id, "observation"));
        _x.Code("code", "69764-9", CodeSystems.Loinc, "Type de document", "LOINC");
        _x.Start("text");
        Reference("pdf-type");
        _x.End();
        _x.Empty("statusCode", ("code", "completed"));
        _x.Empty("effectiveTime", ("nullFlavor", "NA"));
        _x.Start("value");
        _x.XsiType("CD");
        _x.Attr("code", "55108-5");
        _x.Attr("displayName", "Copie du document");
        _x.Attr("codeSystem", CodeSystems.Loinc);
        _x.Attr("codeSystemName", "LOINC");
        _x.End();
        _x.End();
        _x.End();
        _x.Start("component");
        _x.Start("observationMedia");
        _x.Attr("classCode", "OBS");
        _x.Attr("moodCode", "EVN");
        _x.Attr("ID", media);
        _x.Start("value");
        _x.Attr("mediaType", "application/pdf");
        _x.Attr("representation", "B64");
        _x.Base64(pdf);
        _x.End();
        _x.End();
        _x.End();
        _x.End();
        _x.End();
        _x.End();
        _x.End();
    }

    /// <summary>A UUID (II root) derived from the document id, so that the same document gets the same section ids.</summary>
    internal static string Uuid(string documentId, string purpose) =>
        DerivedIds.Uuid(documentId + "|" + purpose).ToString("D").ToUpperInvariant();
}

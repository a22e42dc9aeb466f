using SglReference.Domain;
using System.Text.Json;
using SglReference.Domain.Validation;

namespace SglReference.Input.Json;

/// <summary>Maps the JSON contract (schemas/crbio-report.schema.json) to the model, one function per type.</summary>
internal static class JsonReportMapper
{
    private static readonly CodedConcept s_placeholderCode = new(CodeSystems.Loinc, string.Empty, string.Empty);

    private static readonly string[] LaboratoryFields =
        ["name", "finessGeographique", "finessJuridique", "address", "telecoms", "oids", "mssanteMailbox", "accreditation", "practiceSetting", "director"];

    public static LabReport Map(JsonElement root, ErrorSink sink, IReadOnlyList<Laboratory> profiles)
    {
        var o = JsonObject.Open(root, string.Empty, sink,
            "$schema", "reportId", "revision", "status", "validatedAt", "laboratory", "laboratoryFiness", "biologist", "patient", "prescriber",
            "attendingPhysician", "copiesTo", "request", "specimens", "chapters", "comments", "hospitalStay", "delivery",
            "correctionReason");
        if (o is null)
        {
            return Placeholder();
        }

        return new LabReport(
            o.RequiredString("reportId"),
            o.Int("revision") ?? 1,
            o.Enum("status", true, ("complete", ReportStatus.Complete), ("partial", ReportStatus.Partial), ("corrected", ReportStatus.Corrected)) ?? ReportStatus.Complete,
            o.DateTime("validatedAt", required: true) ?? default,
            LaboratoryOf(o, sink, profiles),
            Practitioner(o.Object("biologist", true, PractitionerFields)) ?? EmptyPractitioner(),
            Patient(o.Object("patient", true, "birthName", "usedName", "birthGivenNames", "usedGivenName", "birthDate", "sex", "birthPlaceCode", "ipp", "ins", "identityStatus", "address", "telecoms", "legalRepresentative")),
            Practitioner(o.Object("prescriber", false, PractitionerFields)),
            Practitioner(o.Object("attendingPhysician", false, PractitionerFields)),
            List(o.Array("copiesTo", ContractLimits.CopiesTo), sink, Correspondent),
            Request(o.Object("request", true, "orderNumber", "prescriptionId", "prescriptionIdAuthority", "prescriptionDate", "receivedAt", "urgency")),
            List(o.Array("specimens", ContractLimits.Specimens), sink, Specimen),
            List(o.Array("chapters", ContractLimits.Chapters, required: true), sink, Chapter),
            Comments(o.Array("comments", ContractLimits.Comments), sink),
            Stay(o.Object("hospitalStay", false, "visitNumber", "accountNumber", "kind", "unit", "admittedAt", "dischargedAt", "facility")),
            Delivery(o.Object("delivery", false, "blockDmp", "invisibleToPatient", "invisibleToLegalRepresentatives", "maskedToProfessionals", "secretConnection", "sendToPatient", "patientMayNotReply", "receptionAcknowledgement", "readAcknowledgement", "mailBodyProfessional", "mailBodyPatient")),
            o.String("correctionReason"));
    }

    private static readonly string[] OrganizationFields = ["name", "finess", "address", "telecoms", "practiceSetting"];

    private static readonly string[] PractitionerFields =
        ["rpps", "familyName", "givenName", "title", "profession", "mssanteAddress", "address", "telecoms", "organization"];

    private static readonly string[] CorrespondentFields =
        ["rpps", "familyName", "givenName", "title", "profession", "mssanteAddress", "address", "telecoms", "organization", "role"];

    private static readonly string[] ObservationFields =
        ["loinc", "localCode", "label", "value", "referenceRanges", "interpretations", "method", "status", "observedAt", "previous", "comments", "specimenId", "performedBy"];

    /// <summary>
    /// The report's laboratory: its own <c>laboratory</c> object, else the profile of the FINESS <c>laboratoryFiness</c>
    /// names, else the only profile configured.
    /// </summary>
    private static Laboratory LaboratoryOf(JsonObject o, ErrorSink sink, IReadOnlyList<Laboratory> profiles)
    {
        var named = o.String("laboratoryFiness");
        var own = o.Object("laboratory", required: profiles.Count == 0 && named is null, LaboratoryFields);
        if (own is not null || (profiles.Count == 0 && named is null))
        {
            if (own is not null && named is not null)
            {
                sink.Add(o.PathOf("laboratoryFiness"), ErrorCodes.Consistency, "give the laboratory or name its profile, not both");
            }

            return Laboratory(own, sink);
        }

        if (named is not null)
        {
            foreach (var profile in profiles)
            {
                if (string.Equals(profile.FinessGeographique, named, StringComparison.Ordinal))
                {
                    return profile;
                }
            }

            sink.Add(o.PathOf("laboratoryFiness"), ErrorCodes.Reference, profiles.Count == 0
                ? "names a laboratory profile, but none is configured (configuration: laboratories)"
                : $"no laboratory profile has the FINESS {named} (configured: {string.Join(", ", profiles.Select(p => p.FinessGeographique))})");
            return Laboratory(null, sink);
        }

        if (profiles.Count == 1)
        {
            return profiles[0];
        }

        sink.Add(o.PathOf("laboratory"), ErrorCodes.Required, $"is required: {profiles.Count} laboratory profiles are configured, name one with laboratoryFiness");
        return Laboratory(null, sink);
    }

    /// <summary>A laboratory object alone (a lab profile in the configuration), at <paramref name="path"/>.</summary>
    public static Laboratory? LaboratoryAt(JsonElement element, string path, ErrorSink sink, params ReadOnlySpan<string> extraFields)
    {
        var fields = new string[LaboratoryFields.Length + extraFields.Length];
        LaboratoryFields.CopyTo(fields, 0);
        extraFields.CopyTo(fields.AsSpan(LaboratoryFields.Length));
        var o = JsonObject.Open(element, path, sink, fields);
        return o is null ? null : Laboratory(o, sink);
    }

    private static Laboratory Laboratory(JsonObject? o, ErrorSink sink)
    {
        if (o is null)
        {
            return new Laboratory(string.Empty, string.Empty, null, EmptyAddress(), ValueList<Telecom>.Empty, new LabOids(string.Empty, string.Empty), null, null, PracticeSetting.Ambulatory, null);
        }

        var oids = o.Object("oids", true, "documents", "orders", "specimens");
        return new Laboratory(
            o.RequiredString("name"),
            o.RequiredString("finessGeographique"),
            o.String("finessJuridique"),
            Address(o.Object("address", true, "lines", "postalCode", "city", "country")) ?? EmptyAddress(),
            Telecoms(o.Array("telecoms", ContractLimits.Telecoms, required: true), sink),
            oids is null ? new LabOids(string.Empty, string.Empty) : new LabOids(oids.RequiredString("documents"), oids.RequiredString("orders"), oids.String("specimens")),
            o.String("mssanteMailbox"),
            o.String("accreditation"),
            o.Enum("practiceSetting", false, ("ambulatory", PracticeSetting.Ambulatory), ("hospital", PracticeSetting.Hospital)) ?? PracticeSetting.Ambulatory,
            Practitioner(o.Object("director", false, PractitionerFields)));
    }

    private static Practitioner? Practitioner(JsonObject? o)
    {
        if (o is null)
        {
            return null;
        }

        return new Practitioner(
            o.String("rpps"),
            o.RequiredString("familyName"),
            o.String("givenName"),
            o.String("title"),
            Coded(o.Object("profession", false, "system", "code", "display"), CodeSystems.AuthorSpecialty),
            o.String("mssanteAddress"),
            Address(o.Object("address", false, "lines", "postalCode", "city", "country")),
            Telecoms(o.Array("telecoms", ContractLimits.Telecoms), o.Sink),
            Organization(o.Object("organization", false, OrganizationFields)));
    }

    private static Correspondent Correspondent(JsonElement element, string path, ErrorSink sink)
    {
        var o = JsonObject.Open(element, path, sink, CorrespondentFields);
        var role = o?.Enum("role", false, ("copy", CorrespondentRole.Copy), ("organization", CorrespondentRole.Organization)) ?? CorrespondentRole.Copy;
        return new Correspondent(Practitioner(o) ?? EmptyPractitioner(), role);
    }

    private static Organization? Organization(JsonObject? o)
    {
        if (o is null)
        {
            return null;
        }

        return new Organization(
            o.RequiredString("name"),
            o.String("finess"),
            Address(o.Object("address", false, "lines", "postalCode", "city", "country")),
            Telecoms(o.Array("telecoms", ContractLimits.Telecoms), o.Sink),
            PracticeSettingOf(o));
    }

    private static PracticeSetting? PracticeSettingOf(JsonObject o) =>
        o.Enum<PracticeSetting>("practiceSetting", false, ("ambulatory", PracticeSetting.Ambulatory), ("hospital", PracticeSetting.Hospital));

    private static Patient Patient(JsonObject? o)
    {
        if (o is null)
        {
            return new Patient(string.Empty, null, ValueList<string>.Empty, null, default, Sex.Unknown, null, new LocalIdentifier(string.Empty, string.Empty), null, IdentityStatus.Provisional, null, ValueList<Telecom>.Empty, null);
        }

        var ipp = o.Object("ipp", true, "value", "authority");
        var ins = o.Object("ins", false, "matricule", "oid");
        var rep = o.Object("legalRepresentative", false, "familyName", "givenName", "relationship", "address", "telecoms");
        var givenNames = o.StringArray("birthGivenNames", ContractLimits.GivenNames, required: true);
        return new Patient(
            o.RequiredString("birthName"),
            o.String("usedName"),
            new ValueList<string>(givenNames),
            o.String("usedGivenName"),
            o.Date("birthDate", required: true) ?? default,
            o.Enum("sex", true, ("F", Sex.Female), ("M", Sex.Male), ("U", Sex.Unknown)) ?? Sex.Unknown,
            o.String("birthPlaceCode"),
            ipp is null ? new LocalIdentifier(string.Empty, string.Empty) : new LocalIdentifier(ipp.RequiredString("value"), ipp.RequiredString("authority")),
            ins is null ? null : new Ins(ins.RequiredString("matricule"), ins.RequiredString("oid")),
            o.Enum("identityStatus", true, ("provisional", IdentityStatus.Provisional), ("recovered", IdentityStatus.Recovered), ("validated", IdentityStatus.Validated), ("qualified", IdentityStatus.Qualified)) ?? IdentityStatus.Provisional,
            Address(o.Object("address", false, "lines", "postalCode", "city", "country")),
            Telecoms(o.Array("telecoms", ContractLimits.Telecoms), o.Sink),
            rep is null ? null : new LegalRepresentative(
                rep.RequiredString("familyName"),
                rep.String("givenName"),
                rep.String("relationship"),
                Address(rep.Object("address", false, "lines", "postalCode", "city", "country")),
                Telecoms(rep.Array("telecoms", ContractLimits.Telecoms), o.Sink)));
    }

    private static LabRequest Request(JsonObject? o)
    {
        if (o is null)
        {
            return new LabRequest(string.Empty, null, null, default);
        }

        return new LabRequest(
            o.RequiredString("orderNumber"),
            o.String("prescriptionId"),
            o.Date("prescriptionDate"),
            o.DateTime("receivedAt", required: true) ?? default,
            o.Enum("urgency", false, ("routine", Urgency.Routine), ("urgent", Urgency.Urgent)) ?? Urgency.Routine,
            o.String("prescriptionIdAuthority"));
    }

    private static Specimen Specimen(JsonElement element, string path, ErrorSink sink)
    {
        var o = JsonObject.Open(element, path, sink, "id", "type", "collectedAt", "receivedAt", "collector");
        if (o is null)
        {
            return new Specimen(string.Empty, s_placeholderCode, default, default, null);
        }

        return new Specimen(
            o.RequiredString("id"),
            Coded(o.Object("type", true, "system", "code", "display"), CodeSystems.SpecimenType) ?? s_placeholderCode,
            o.DateTime("collectedAt", required: true) ?? default,
            o.DateTime("receivedAt", required: true) ?? default,
            Practitioner(o.Object("collector", false, PractitionerFields)));
    }

    private static Chapter Chapter(JsonElement element, string path, ErrorSink sink)
    {
        var o = JsonObject.Open(element, path, sink, "code", "title", "batteries", "comments");
        if (o is null)
        {
            return new Chapter(s_placeholderCode, string.Empty, ValueList<Battery>.Empty, ValueList<Comment>.Empty);
        }

        return new Chapter(
            Coded(o.Object("code", true, "system", "code", "display"), CodeSystems.Loinc) ?? s_placeholderCode,
            o.RequiredString("title"),
            List(o.Array("batteries", ContractLimits.Batteries, required: true), sink, Battery),
            Comments(o.Array("comments", ContractLimits.Comments), sink));
    }

    private static Battery Battery(JsonElement element, string path, ErrorSink sink)
    {
        var o = JsonObject.Open(element, path, sink, "code", "localCode", "nabm", "title", "observations", "isolates", "comments", "specimenId", "performedBy", "validatedAt");
        if (o is null)
        {
            return new Battery(null, null, string.Empty, ValueList<Observation>.Empty, ValueList<Isolate>.Empty, ValueList<Comment>.Empty, null, null);
        }

        return new Battery(
            Coded(o.Object("code", false, "system", "code", "display"), CodeSystems.Loinc),
            Coded(o.Object("localCode", false, "system", "code", "display"), null),
            o.RequiredString("title"),
            List(o.Array("observations", ContractLimits.Observations), sink, Observation),
            List(o.Array("isolates", ContractLimits.Isolates), sink, Isolate),
            Comments(o.Array("comments", ContractLimits.Comments), sink),
            o.String("specimenId"),
            Performer(o.Object("performedBy", false, "organization", "responsible")),
            o.DateTime("validatedAt"),
            Coded(o.Object("nabm", false, "system", "code", "display"), CodeSystems.Nabm));
    }

    private static Observation Observation(JsonElement element, string path, ErrorSink sink) =>
        Observation(JsonObject.Open(element, path, sink, ObservationFields));

    private static Observation Observation(JsonObject? o)
    {
        if (o is null)
        {
            return new Observation(null, null, string.Empty, null, ValueList<ReferenceRange>.Empty, ValueList<string>.Empty, null, ResultStatus.Final, null, null, ValueList<Comment>.Empty, null, null);
        }

        var previous = o.Object("previous", false, "value", "date");
        return new Observation(
            Coded(o.Object("loinc", false, "system", "code", "display"), CodeSystems.Loinc),
            Coded(o.Object("localCode", false, "system", "code", "display"), null),
            o.RequiredString("label"),
            o.Get("value", required: false) is { } value ? Value(value, o.PathOf("value"), o.Sink) : null,
            List(o.Array("referenceRanges", ContractLimits.ReferenceRanges), o.Sink, ReferenceRange),
            new ValueList<string>(o.StringArray("interpretations", ContractLimits.Interpretations)),
            o.String("method"),
            o.Enum("status", false, ("final", ResultStatus.Final), ("corrected", ResultStatus.Corrected), ("cancelled", ResultStatus.Cancelled)) ?? ResultStatus.Final,
            o.DateTime("observedAt"),
            previous is null ? null : new PreviousResult(
                previous.Get("value", required: true) is { } pv ? Value(pv, previous.PathOf("value"), o.Sink) : new TextValue(string.Empty),
                previous.Date("date", required: true) ?? default),
            Comments(o.Array("comments", ContractLimits.Comments), o.Sink),
            o.String("specimenId"),
            Performer(o.Object("performedBy", false, "organization", "responsible")));
    }

    private static ObservationValue Value(JsonElement element, string path, ErrorSink sink)
    {
        var o = JsonObject.Open(element, path, sink, "type", "value", "unit", "comparator", "displayUnit", "code", "text", "numerator", "denominator", "low", "high");
        if (o is null)
        {
            return new TextValue(string.Empty);
        }

        var type = o.Enum("type", true, ("quantity", 1), ("coded", 2), ("text", 3), ("ratio", 4), ("range", 5));
        switch (type)
        {
            case 1:
                Only(o, "value", "unit", "comparator", "displayUnit");
                return new QuantityValue(Quantity(o));
            case 2:
                Only(o, "code");
                return new CodedValue(Coded(o.Object("code", true, "system", "code", "display"), null) ?? s_placeholderCode);
            case 3:
                Only(o, "text");
                return new TextValue(o.RequiredString("text"));
            case 4:
                Only(o, "numerator", "denominator");
                return new RatioValue(o.Decimal("numerator", required: true) ?? 0, o.Decimal("denominator", required: true) ?? 1);
            case 5:
                Only(o, "low", "high");
                var low = o.Object("low", false, "value", "unit", "comparator", "displayUnit");
                var high = o.Object("high", false, "value", "unit", "comparator", "displayUnit");
                return new RangeValue(low is null ? null : Quantity(low), high is null ? null : Quantity(high));
            default:
                return new TextValue(string.Empty);
        }
    }

    /// <summary>Reports properties of a value object that do not belong to its type.</summary>
    private static void Only(JsonObject o, params ReadOnlySpan<string> allowed)
    {
        foreach (var name in (ReadOnlySpan<string>)["value", "unit", "comparator", "displayUnit", "code", "text", "numerator", "denominator", "low", "high"])
        {
            var ok = false;
            foreach (var a in allowed)
            {
                ok |= a == name;
            }

            if (!ok && o.Get(name, required: false) is not null)
            {
                o.Sink.Add(o.PathOf(name), ErrorCodes.UnknownProperty, "does not belong to a value of this type");
            }
        }
    }

    private static Quantity Quantity(JsonObject o) => new(
        o.Decimal("value", required: true) ?? 0,
        o.RequiredString("unit"),
        o.Enum<QuantityComparator>("comparator", false, ("<", QuantityComparator.LessThan), ("<=", QuantityComparator.LessOrEqual), (">", QuantityComparator.GreaterThan), (">=", QuantityComparator.GreaterOrEqual)),
        o.String("displayUnit"));

    private static ReferenceRange ReferenceRange(JsonElement element, string path, ErrorSink sink)
    {
        var o = JsonObject.Open(element, path, sink, "low", "high", "unit", "displayUnit", "text", "appliesTo");
        if (o is null)
        {
            return new ReferenceRange(null, null, null, null, null);
        }

        var population = o.Object("appliesTo", false, "sex", "minAgeYears", "maxAgeYears", "description");
        return new ReferenceRange(
            o.Decimal("low"),
            o.Decimal("high"),
            o.String("unit"),
            o.String("text"),
            population is null ? null : new ReferencePopulation(
                population.Enum<Sex>("sex", false, ("F", Sex.Female), ("M", Sex.Male)),
                population.Decimal("minAgeYears"),
                population.Decimal("maxAgeYears"),
                population.String("description")),
            o.String("displayUnit"));
    }

    private static Isolate Isolate(JsonElement element, string path, ErrorSink sink)
    {
        var o = JsonObject.Open(element, path, sink, "id", "organism", "taxon", "count", "antibiogram", "comments");
        if (o is null)
        {
            return new Isolate(string.Empty, s_placeholderCode, null, ValueList<Susceptibility>.Empty, ValueList<Comment>.Empty);
        }

        var count = o.Object("count", false, ObservationFields);
        return new Isolate(
            o.RequiredString("id"),
            Coded(o.Object("organism", true, "system", "code", "display"), CodeSystems.Snomed) ?? s_placeholderCode,
            count is null ? null : Observation(count),
            List(o.Array("antibiogram", ContractLimits.Antibiogram), sink, Susceptibility),
            Comments(o.Array("comments", ContractLimits.Comments), sink),
            Coded(o.Object("taxon", false, "system", "code", "display"), CodeSystems.NcbiTaxonomy));
    }

    private static Susceptibility Susceptibility(JsonElement element, string path, ErrorSink sink)
    {
        var o = JsonObject.Open(element, path, sink, "antibiotic", "category", "mic");
        if (o is null)
        {
            return new Susceptibility(s_placeholderCode, SusceptibilityCategory.Susceptible, null);
        }

        var mic = o.Object("mic", false, "value", "unit", "comparator", "displayUnit");
        return new Susceptibility(
            Coded(o.Object("antibiotic", true, "system", "code", "display"), CodeSystems.Loinc) ?? s_placeholderCode,
            o.Enum("category", true, ("S", SusceptibilityCategory.Susceptible), ("I", SusceptibilityCategory.Intermediate), ("R", SusceptibilityCategory.Resistant)) ?? SusceptibilityCategory.Susceptible,
            mic is null ? null : Quantity(mic));
    }

    private static PerformingLaboratory? Performer(JsonObject? o)
    {
        if (o is null)
        {
            return null;
        }

        return new PerformingLaboratory(
            Organization(o.Object("organization", true, OrganizationFields)) ?? new Organization(string.Empty, null, null, ValueList<Telecom>.Empty),
            Practitioner(o.Object("responsible", false, PractitionerFields)));
    }

    private static HospitalStay? Stay(JsonObject? o)
    {
        if (o is null)
        {
            return null;
        }

        var visit = o.Object("visitNumber", true, "value", "authority");
        var account = o.Object("accountNumber", false, "value", "authority");
        var unit = o.Object("unit", false, "code", "name");
        return new HospitalStay(
            visit is null ? new LocalIdentifier(string.Empty, string.Empty) : new LocalIdentifier(visit.RequiredString("value"), visit.RequiredString("authority")),
            o.Enum("kind", true, ("inpatient", EncounterKind.Inpatient), ("outpatient", EncounterKind.Outpatient), ("emergency", EncounterKind.Emergency)) ?? EncounterKind.Inpatient,
            unit is null ? null : new CareUnit(unit.RequiredString("code"), unit.RequiredString("name")),
            o.DateTime("admittedAt", required: true) ?? default,
            o.DateTime("dischargedAt"),
            Organization(o.Object("facility", false, OrganizationFields)),
            account is null ? null : new LocalIdentifier(account.RequiredString("value"), account.RequiredString("authority")));
    }

    private static DeliveryOptions Delivery(JsonObject? o)
    {
        if (o is null)
        {
            return DeliveryOptions.Default;
        }

        var d = DeliveryOptions.Default;
        return new DeliveryOptions(
            o.Bool("blockDmp") ?? d.BlockDmp,
            o.Bool("invisibleToPatient") ?? d.InvisibleToPatient,
            o.Bool("invisibleToLegalRepresentatives") ?? d.InvisibleToLegalRepresentatives,
            o.Bool("maskedToProfessionals") ?? d.MaskedToProfessionals,
            o.Bool("secretConnection") ?? d.SecretConnection,
            o.Bool("sendToPatient") ?? d.SendToPatient,
            o.Bool("patientMayNotReply") ?? d.PatientMayNotReply,
            o.Bool("receptionAcknowledgement") ?? d.ReceptionAcknowledgement,
            o.Bool("readAcknowledgement") ?? d.ReadAcknowledgement,
            o.String("mailBodyProfessional"),
            o.String("mailBodyPatient"));
    }

    private static ValueList<Comment> Comments(List<(JsonElement Element, string Path)> items, ErrorSink sink) =>
        List(items, sink, static (element, path, s) =>
        {
            var o = JsonObject.Open(element, path, s, "text", "kind", "audience");
            if (o is null)
            {
                return new Comment(string.Empty);
            }

            return new Comment(
                o.RequiredString("text"),
                o.Enum("kind", false, ("general", CommentKind.General), ("interpretation", CommentKind.Interpretation), ("technical", CommentKind.Technical)) ?? CommentKind.General,
                o.Enum("audience", false, ("all", CommentAudience.All), ("professional", CommentAudience.ProfessionalOnly)) ?? CommentAudience.All);
        });

    private static ValueList<Telecom> Telecoms(List<(JsonElement Element, string Path)> items, ErrorSink sink) =>
        List(items, sink, static (element, path, s) =>
        {
            var o = JsonObject.Open(element, path, s, "kind", "value");
            if (o is null)
            {
                return new Telecom(TelecomKind.Phone, string.Empty);
            }

            return new Telecom(
                o.Enum("kind", true, ("phone", TelecomKind.Phone), ("mobile", TelecomKind.Mobile), ("fax", TelecomKind.Fax), ("email", TelecomKind.Email)) ?? TelecomKind.Phone,
                o.RequiredString("value"));
        });

    private static Address? Address(JsonObject? o)
    {
        if (o is null)
        {
            return null;
        }

        return new Address(new ValueList<string>(o.StringArray("lines", ContractLimits.AddressLines)), o.String("postalCode"), o.String("city"), o.String("country"));
    }

    private static CodedConcept? Coded(JsonObject? o, string? defaultSystem)
    {
        if (o is null)
        {
            return null;
        }

        var system = defaultSystem is null ? o.RequiredString("system") : o.String("system") ?? defaultSystem;
        return new CodedConcept(system, o.RequiredString("code"), o.RequiredString("display"));
    }

    private static ValueList<T> List<T>(List<(JsonElement Element, string Path)> items, ErrorSink sink, Func<JsonElement, string, ErrorSink, T> map)
    {
        if (items.Count == 0)
        {
            return ValueList<T>.Empty;
        }

        var result = new T[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            result[i] = map(items[i].Element, items[i].Path, sink);
        }

        return new ValueList<T>(result);
    }

    private static Address EmptyAddress() => new(ValueList<string>.Empty, null, null);

    private static Practitioner EmptyPractitioner() => new(null, string.Empty, null, null, null, null, null, ValueList<Telecom>.Empty, null);

    private static LabReport Placeholder() => new(
        string.Empty, 1, ReportStatus.Complete, default, Laboratory(null, new ErrorSink()), EmptyPractitioner(), Patient(null), null, null,
        ValueList<Correspondent>.Empty, Request(null), ValueList<Specimen>.Empty, ValueList<Chapter>.Empty, ValueList<Comment>.Empty, null,
        DeliveryOptions.Default, null);
}

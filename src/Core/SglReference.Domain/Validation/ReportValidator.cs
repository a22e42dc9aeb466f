using SglReference.Domain.Identifiers;

namespace SglReference.Domain.Validation;

/// <summary>
/// Checks a <see cref="LabReport"/> against every rule of the input contract and collects every error, each with
/// the path of the field in the JSON contract (e.g. <c>patient.ins.matricule</c>). Readers run it after mapping;
/// vendors who build the model in code run it themselves before rendering.
/// </summary>
public static class ReportValidator
{
    /// <summary>
    /// Every error found in <paramref name="report"/>; empty when the report is valid. At most
    /// <see cref="ContractLimits.ReportedErrors"/> are listed, then one error counts the others.
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate(LabReport report) => Validate(report, CancellationToken.None);

    /// <summary>As <see cref="Validate(LabReport)"/>, stopping with an <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static IReadOnlyList<ValidationError> Validate(LabReport report, CancellationToken cancellationToken)
    {
        var errors = new ErrorCollector();
        Validate(report, errors, cancellationToken);
        return errors.ToList();
    }

    /// <summary>Adds every error found in <paramref name="report"/> to <paramref name="errors"/> (readers merge them with their own).</summary>
    public static void Validate(LabReport report, ErrorCollector errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(errors);
        var v = new Checker(errors, cancellationToken);
        v.Report(report);
    }

    /// <summary>Every error found in a laboratory alone (a lab profile), with paths under <paramref name="path"/>.</summary>
    public static IReadOnlyList<ValidationError> ValidateLaboratory(Laboratory laboratory, string path = "laboratory")
    {
        ArgumentNullException.ThrowIfNull(laboratory);
        ArgumentNullException.ThrowIfNull(path);
        var errors = new ErrorCollector();
        var v = new Checker(errors, CancellationToken.None);
        v.LaboratoryAt(path, laboratory);
        return errors.ToList();
    }

    private sealed class Checker(ErrorCollector errors, CancellationToken cancellationToken)
    {
        private readonly HashSet<string> _specimenIds = new(StringComparer.Ordinal);
        private long _text;
        private int _results;

        private LabReport? _report;

        public void LaboratoryAt(string path, Laboratory lab) => Laboratory(path, lab);

        public void Report(LabReport r)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _report = r;
            Identifier("reportId", r.ReportId);
            if (r.Revision is < 1 or > ContractLimits.Revision)
            {
                Add("revision", ErrorCodes.Number, Invariant($"must be from 1 to {ContractLimits.Revision}"));
            }

            if (r.Status == ReportStatus.Corrected)
            {
                if (r.Revision < 2)
                {
                    Add("revision", ErrorCodes.Consistency, "a corrected report replaces an earlier revision, so its revision is 2 or more");
                }

                if (r.CorrectionReason is null)
                {
                    Add("correctionReason", ErrorCodes.Required, "a corrected report states why it was corrected");
                }
            }

            OptionalText("correctionReason", r.CorrectionReason, TextRules.CommentMaxLength, multiline: true);
            Laboratory("laboratory", r.Laboratory);
            Practitioner("biologist", r.Biologist, rppsRequired: true);
            Patient("patient", r.Patient, r.ValidatedAt);
            if (r.Prescriber is { } prescriber)
            {
                Practitioner("prescriber", prescriber, rppsRequired: true);
            }

            if (r.AttendingPhysician is { } gp)
            {
                Practitioner("attendingPhysician", gp, rppsRequired: false);
            }

            Count("copiesTo", r.CopiesTo.Count, ContractLimits.CopiesTo);
            for (var i = 0; i < r.CopiesTo.Count; i++)
            {
                Practitioner($"copiesTo[{i}]", r.CopiesTo[i].Practitioner, rppsRequired: false);
                if (r.CopiesTo[i].Practitioner.MssanteAddress is null)
                {
                    Add($"copiesTo[{i}].mssanteAddress", ErrorCodes.Required, "a correspondent receives copies by MSSanté and needs a mailbox");
                }
            }

            Request("request", r.Request, r.ValidatedAt, r.Laboratory.Oids.Orders);
            Count("specimens", r.Specimens.Count, ContractLimits.Specimens);
            for (var i = 0; i < r.Specimens.Count; i++)
            {
                Specimen($"specimens[{i}]", r.Specimens[i], r.ValidatedAt);
            }

            if (r.Chapters.IsEmpty)
            {
                Add("chapters", ErrorCodes.Cardinality, "a report has at least one chapter");
            }

            Count("chapters", r.Chapters.Count, ContractLimits.Chapters);
            var isolateIds = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < r.Chapters.Count; i++)
            {
                Chapter($"chapters[{i}]", r.Chapters[i], isolateIds);
            }

            Comments("comments", r.Comments);
            if (r.Stay is { } stay)
            {
                Stay("hospitalStay", stay);
            }

            Delivery("delivery", r);
            if (_results > ContractLimits.Results)
            {
                Add("chapters", ErrorCodes.Cardinality, Invariant($"the report has {_results} results, at most {ContractLimits.Results}"));
            }

            if (_text > ContractLimits.TextCharacters)
            {
                Add("$", ErrorCodes.Cardinality, Invariant($"the report holds {_text} characters of text, at most {ContractLimits.TextCharacters}"));
            }
        }

        private void Laboratory(string path, Laboratory lab)
        {
            Name($"{path}.name", lab.Name);
            Rule($"{path}.finessGeographique", Finess.Check(lab.FinessGeographique));
            if (lab.FinessJuridique is { } fj)
            {
                Rule($"{path}.finessJuridique", Finess.Check(fj));
            }

            Address($"{path}.address", lab.Address);
            Telecoms($"{path}.telecoms", lab.Telecoms);
            if (!lab.Telecoms.Any(t => t.Kind is TelecomKind.Phone or TelecomKind.Mobile))
            {
                Add($"{path}.telecoms", ErrorCodes.Required, "the lab needs a phone number (printed and required in the CDA header)");
            }

            Rule($"{path}.oids.documents", Oid.Check(lab.Oids.Documents));
            Rule($"{path}.oids.orders", Oid.Check(lab.Oids.Orders));
            if (lab.Oids.Specimens is { } so)
            {
                Rule($"{path}.oids.specimens", Oid.Check(so));
            }

            if (lab.Oids.Documents.Length > Oid.MaxLength - 24)
            {
                Add($"{path}.oids.documents", ErrorCodes.OidSyntax, $"document root must leave room for document numbers: at most {Oid.MaxLength - 24} characters");
            }

            if (lab.MssanteMailbox is { } bal)
            {
                Rule($"{path}.mssanteMailbox", MssanteAddress.Check(bal));
            }

            if (lab.Accreditation is { } acc)
            {
                Text($"{path}.accreditation", acc, TextRules.NameMaxLength, multiline: false);
            }

            if (lab.Director is { } director)
            {
                Practitioner($"{path}.director", director, rppsRequired: true);
            }
        }

        private void Patient(string path, Patient p, DateTimeOffset validatedAt)
        {
            Name($"{path}.birthName", p.BirthName);
            if (p.UsedName is { } used)
            {
                Name($"{path}.usedName", used);
            }

            if (p.BirthGivenNames.IsEmpty)
            {
                Add($"{path}.birthGivenNames", ErrorCodes.Cardinality, "at least one given name (the first birth given name is an INS trait)");
            }

            Count($"{path}.birthGivenNames", p.BirthGivenNames.Count, ContractLimits.GivenNames);
            for (var i = 0; i < p.BirthGivenNames.Count; i++)
            {
                Name($"{path}.birthGivenNames[{i}]", p.BirthGivenNames[i]);
            }

            if (p.UsedGivenName is { } ug)
            {
                Name($"{path}.usedGivenName", ug);
            }

            if (Known(validatedAt) && p.BirthDate > DateOnly.FromDateTime(validatedAt.DateTime))
            {
                Add($"{path}.birthDate", ErrorCodes.Chronology, "birth date is after the validation date");
            }

            if (p.BirthPlaceCode is { } place)
            {
                Rule($"{path}.birthPlaceCode", InseeCode.Check(place));
            }

            Identifier($"{path}.ipp.value", p.Ipp.Value);
            Rule($"{path}.ipp.authority", Oid.Check(p.Ipp.Authority));
            if (p.Ins is { } ins)
            {
                var kind = ins.Kind;
                if (kind is null)
                {
                    Add($"{path}.ins.oid", ErrorCodes.InsOid, "INS OID must be 1.2.250.1.213.1.4.8 (NIR), .9 (NIA), .10 (NIR test) or .11 (NIR demo)");
                }
                else
                {
                    Rule($"{path}.ins.matricule", Nir.Check(ins.Matricule, kind.Value));
                }
            }

            if (p.IdentityStatus == IdentityStatus.Qualified)
            {
                if (p.Ins is null)
                {
                    Add($"{path}.ins", ErrorCodes.InsTraits, "a qualified identity carries its INS");
                }

                if (p.BirthPlaceCode is null)
                {
                    Add($"{path}.birthPlaceCode", ErrorCodes.InsTraits, "a qualified identity carries the birth place (INSEE code), an INS trait");
                }

                if (p.Sex == Domain.Sex.Unknown)
                {
                    Add($"{path}.sex", ErrorCodes.InsTraits, "a qualified identity has sex F or M, an INS trait");
                }
            }

            if (p.Address is { } address)
            {
                Address($"{path}.address", address);
            }

            Telecoms($"{path}.telecoms", p.Telecoms);
            if (p.LegalRepresentative is { } rep)
            {
                Name($"{path}.legalRepresentative.familyName", rep.FamilyName);
                if (rep.GivenName is { } g)
                {
                    Name($"{path}.legalRepresentative.givenName", g);
                }

                OptionalText($"{path}.legalRepresentative.relationship", rep.Relationship, TextRules.NameMaxLength, multiline: false);

                if (rep.Address is { } ra)
                {
                    Address($"{path}.legalRepresentative.address", ra);
                }

                Telecoms($"{path}.legalRepresentative.telecoms", rep.Telecoms);
            }
        }

        private void Practitioner(string path, Practitioner p, bool rppsRequired)
        {
            if (p.Rpps is { } rpps)
            {
                Rule($"{path}.rpps", Rpps.Check(rpps));
            }
            else if (rppsRequired)
            {
                Add($"{path}.rpps", ErrorCodes.Required, "RPPS is required (national id 8 + RPPS in every output)");
            }

            Name($"{path}.familyName", p.FamilyName);
            if (p.GivenName is { } given)
            {
                Name($"{path}.givenName", given);
            }

            if (p.Title is { } title && title is not ("DR" or "MC" or "MG" or "PC" or "PG" or "PR"))
            {
                Add($"{path}.title", ErrorCodes.ValueSet, "title must be in JDV_J246: DR, MC, MG, PC, PG, PR");
            }

            if (p.Profession is { } prof)
            {
                Coded($"{path}.profession", prof);
            }

            if (p.MssanteAddress is { } mss)
            {
                Rule($"{path}.mssanteAddress", MssanteAddress.Check(mss));
            }

            if (p.Address is { } address)
            {
                Address($"{path}.address", address);
            }

            Telecoms($"{path}.telecoms", p.Telecoms);
            if (p.Organization is { } org)
            {
                Organization($"{path}.organization", org);
            }
        }

        private void Organization(string path, Organization o)
        {
            Name($"{path}.name", o.Name);
            if (o.Finess is { } finess)
            {
                Rule($"{path}.finess", Finess.Check(finess));
            }

            if (o.Address is { } address)
            {
                Address($"{path}.address", address);
            }

            Telecoms($"{path}.telecoms", o.Telecoms);
        }

        private void Request(string path, LabRequest r, DateTimeOffset validatedAt, string ordersOid)
        {
            Identifier($"{path}.orderNumber", r.OrderNumber);
            if (r.PrescriptionId is { } pid)
            {
                Text($"{path}.prescriptionId", pid, TextRules.IdentifierMaxLength, multiline: false);
                if (r.PrescriptionIdAuthority is null && string.Equals(pid, r.OrderNumber, StringComparison.Ordinal))
                {
                    Add($"{path}.prescriptionId", ErrorCodes.Consistency,
                        "equals the order number under the same authority (the lab's order arc): the prescription and the lab's request are two identifiers; give prescriptionIdAuthority");
                }
            }

            if (r.PrescriptionIdAuthority is { } authority)
            {
                Rule($"{path}.prescriptionIdAuthority", Oid.Check(authority));
                if (r.PrescriptionId is null)
                {
                    Add($"{path}.prescriptionIdAuthority", ErrorCodes.Consistency, "names the authority of a prescription id the request does not give");
                }
                else if (string.Equals(authority, ordersOid, StringComparison.Ordinal) && string.Equals(r.PrescriptionId, r.OrderNumber, StringComparison.Ordinal))
                {
                    Add($"{path}.prescriptionId", ErrorCodes.Consistency, "equals the order number under the same authority: the prescription and the lab's request are two identifiers");
                }
            }

            if (r.PrescriptionDate is { } pd && Known(r.ReceivedAt) && pd > DateOnly.FromDateTime(r.ReceivedAt.DateTime))
            {
                Add($"{path}.prescriptionDate", ErrorCodes.Chronology, "prescription is dated after the reception of the request");
            }

            if (Known(r.ReceivedAt, validatedAt) && r.ReceivedAt > validatedAt)
            {
                Add($"{path}.receivedAt", ErrorCodes.Chronology, "reception is after the biological validation");
            }
        }

        private void Specimen(string path, Specimen s, DateTimeOffset validatedAt)
        {
            Identifier($"{path}.id", s.Id);
            if (!_specimenIds.Add(s.Id))
            {
                Add($"{path}.id", ErrorCodes.DuplicateId, $"specimen id \"{s.Id}\" is used twice");
            }

            Coded($"{path}.type", s.Type);
            if (Known(s.CollectedAt, s.ReceivedAt) && s.CollectedAt > s.ReceivedAt)
            {
                Add($"{path}.receivedAt", ErrorCodes.Chronology, "reception is before collection");
            }

            if (Known(s.ReceivedAt, validatedAt) && s.ReceivedAt > validatedAt)
            {
                Add($"{path}.receivedAt", ErrorCodes.Chronology, "reception is after the biological validation");
            }

            if (s.Collector is { } collector)
            {
                Practitioner($"{path}.collector", collector, rppsRequired: false);
            }
        }

        private void Chapter(string path, Chapter c, HashSet<string> isolateIds)
        {
            Loinc($"{path}.code", c.Code, required: true);
            Text($"{path}.title", c.Title, TextRules.LabelMaxLength, multiline: false);
            if (c.Batteries.IsEmpty)
            {
                Add($"{path}.batteries", ErrorCodes.Cardinality, "a chapter has at least one battery");
            }

            Count($"{path}.batteries", c.Batteries.Count, ContractLimits.Batteries);
            for (var i = 0; i < c.Batteries.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Battery($"{path}.batteries[{i}]", c.Batteries[i], isolateIds);
            }

            Comments($"{path}.comments", c.Comments);
        }

        private void Battery(string path, Battery b, HashSet<string> isolateIds)
        {
            if (b.Code is { } code)
            {
                Loinc($"{path}.code", code, required: false);
            }

            if (b.LocalCode is { } local)
            {
                Coded($"{path}.localCode", local);
            }

            Text($"{path}.title", b.Title, TextRules.LabelMaxLength, multiline: false);
            if (b.Observations.IsEmpty && b.Isolates.IsEmpty)
            {
                Add($"{path}.observations", ErrorCodes.Cardinality, "a battery has at least one result or one isolate");
            }

            SpecimenReference($"{path}.specimenId", b.SpecimenId);
            if (b.Nabm is { } nabm)
            {
                Coded($"{path}.nabm", nabm);
            }

            if (b.ValidatedAt is { } validated && _report is { } report)
            {
                if (Known(validated, report.ValidatedAt) && validated > report.ValidatedAt)
                {
                    Add($"{path}.validatedAt", ErrorCodes.Chronology, "a battery is validated at the latest when the report is (validatedAt)");
                }

                if (report.FindSpecimen(b.SpecimenId) is { } specimen && Known(validated, specimen.ReceivedAt) && validated < specimen.ReceivedAt)
                {
                    Add($"{path}.validatedAt", ErrorCodes.Chronology, "validation is before the reception of its specimen");
                }
            }

            Count($"{path}.observations", b.Observations.Count, ContractLimits.Observations);
            Count($"{path}.isolates", b.Isolates.Count, ContractLimits.Isolates);
            for (var i = 0; i < b.Observations.Count; i++)
            {
                Observation($"{path}.observations[{i}]", b.Observations[i]);
            }

            for (var i = 0; i < b.Isolates.Count; i++)
            {
                Isolate($"{path}.isolates[{i}]", b.Isolates[i], isolateIds);
            }

            Comments($"{path}.comments", b.Comments);
            if (b.PerformedBy is { } performer)
            {
                Performer($"{path}.performedBy", performer);
            }
        }

        private void Observation(string path, Observation o)
        {
            _results++;
            if ((_results & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (o.Loinc is { } loinc)
            {
                Loinc($"{path}.loinc", loinc, required: false);
            }
            else if (o.LocalCode is null)
            {
                Add($"{path}.loinc", ErrorCodes.Required, "a result is coded in LOINC, or at least with the lab's local code");
            }

            if (o.LocalCode is { } local)
            {
                Coded($"{path}.localCode", local);
            }

            Text($"{path}.label", o.Label, TextRules.LabelMaxLength, multiline: false);
            if (o.Value is null && o.Status != ResultStatus.Cancelled)
            {
                Add($"{path}.value", ErrorCodes.Required, "a result that is not cancelled has a value");
            }

            if (o.Value is { } value)
            {
                Value($"{path}.value", value);
            }

            Count($"{path}.referenceRanges", o.ReferenceRanges.Count, ContractLimits.ReferenceRanges);
            Count($"{path}.interpretations", o.Interpretations.Count, ContractLimits.Interpretations);
            for (var i = 0; i < o.ReferenceRanges.Count; i++)
            {
                Range($"{path}.referenceRanges[{i}]", o.ReferenceRanges[i]);
            }

            for (var i = 0; i < o.Interpretations.Count; i++)
            {
                if (!InterpretationCodes.IsKnown(o.Interpretations[i]))
                {
                    Add($"{path}.interpretations[{i}]", ErrorCodes.ValueSet, $"\"{Rpps.Truncate(o.Interpretations[i])}\" is not in JDV_HL7_ObservationInterpretation_CISIS (N, H, L, HH, LL, A, AA, POS, NEG...)");
                }
            }

            OptionalText($"{path}.method", o.Method, TextRules.LabelMaxLength, multiline: false);
            if (o.Previous is { } previous)
            {
                Value($"{path}.previous.value", previous.Value);
            }

            Comments($"{path}.comments", o.Comments);
            SpecimenReference($"{path}.specimenId", o.SpecimenId);
            if (o.PerformedBy is { } performer)
            {
                Performer($"{path}.performedBy", performer);
            }
        }

        private void Isolate(string path, Isolate iso, HashSet<string> isolateIds)
        {
            Identifier($"{path}.id", iso.Id);
            if (!isolateIds.Add(iso.Id))
            {
                Add($"{path}.id", ErrorCodes.DuplicateId, $"isolate id \"{iso.Id}\" is used twice");
            }

            Coded($"{path}.organism", iso.Organism);
            if (iso.Taxon is { } taxon)
            {
                Coded($"{path}.taxon", taxon);
            }

            if (iso.Count is { } count)
            {
                Observation($"{path}.count", count);
            }

            Count($"{path}.antibiogram", iso.Antibiogram.Count, ContractLimits.Antibiogram);
            for (var i = 0; i < iso.Antibiogram.Count; i++)
            {
                var s = iso.Antibiogram[i];
                Loinc($"{path}.antibiogram[{i}].antibiotic", s.Antibiotic, required: false);
                if (s.Mic is { } mic)
                {
                    Quantity($"{path}.antibiogram[{i}].mic", mic);
                }
            }

            Comments($"{path}.comments", iso.Comments);
        }

        private void Performer(string path, PerformingLaboratory p)
        {
            Organization($"{path}.organization", p.Organization);
            if (p.Responsible is { } responsible)
            {
                Practitioner($"{path}.responsible", responsible, rppsRequired: false);
            }
        }

        private void Value(string path, ObservationValue value)
        {
            switch (value)
            {
                case QuantityValue q:
                    Quantity(path, q.Quantity);
                    break;
                case CodedValue c:
                    Coded($"{path}.code", c.Code);
                    break;
                case TextValue t:
                    Text($"{path}.text", t.Text, TextRules.CommentMaxLength, multiline: true);
                    break;
                case RatioValue r when r.Denominator == 0:
                    Add($"{path}.denominator", ErrorCodes.Number, "denominator must not be zero");
                    break;
                case RangeValue { Low: null, High: null }:
                    Add(path, ErrorCodes.Required, "a range has a low or a high bound");
                    break;
                case RangeValue range:
                    if (range.Low is { } low)
                    {
                        Quantity($"{path}.low", low);
                    }

                    if (range.High is { } high)
                    {
                        Quantity($"{path}.high", high);
                    }

                    break;
            }
        }

        private void Quantity(string path, Quantity q)
        {
            Rule($"{path}.unit", Ucum.Check(q.Unit));
            if (q.DisplayUnit is { } du)
            {
                Text($"{path}.displayUnit", du, 64, multiline: false);
            }
        }

        private void Range(string path, ReferenceRange r)
        {
            if (r.Low is null && r.High is null && r.Text is null)
            {
                Add(path, ErrorCodes.Required, "a reference range has a low limit, a high limit or a text");
            }

            if (r.Low is { } low && r.High is { } high && low > high)
            {
                Add($"{path}.low", ErrorCodes.Consistency, $"low limit {low} is above high limit {high}");
            }

            if ((r.Low is not null || r.High is not null) && r.Unit is null)
            {
                Add($"{path}.unit", ErrorCodes.Required, "numeric limits carry their UCUM unit");
            }

            if (r.Unit is { } unit)
            {
                Rule($"{path}.unit", Ucum.Check(unit));
            }

            OptionalText($"{path}.text", r.Text, TextRules.LabelMaxLength, multiline: false);
            if (r.AppliesTo is { } population)
            {
                OptionalText($"{path}.appliesTo.description", population.Description, TextRules.LabelMaxLength, multiline: false);
                if (population.MinAgeYears is { } min && population.MaxAgeYears is { } max && min >= max)
                {
                    Add($"{path}.appliesTo.minAgeYears", ErrorCodes.Consistency, "minimum age must be below maximum age");
                }
            }
        }

        private void Stay(string path, HospitalStay s)
        {
            Identifier($"{path}.visitNumber.value", s.VisitNumber.Value);
            Rule($"{path}.visitNumber.authority", Oid.Check(s.VisitNumber.Authority));
            if (s.AccountNumber is { } account)
            {
                Identifier($"{path}.accountNumber.value", account.Value);
                Rule($"{path}.accountNumber.authority", Oid.Check(account.Authority));
            }

            if (s.Unit is { } unit)
            {
                Text($"{path}.unit.code", unit.Code, TextRules.IdentifierMaxLength, multiline: false);
                Name($"{path}.unit.name", unit.Name);
            }

            if (s.DischargedAt is { } discharge && Known(s.AdmittedAt) && discharge < s.AdmittedAt)
            {
                Add($"{path}.dischargedAt", ErrorCodes.Chronology, "discharge is before admission");
            }

            if (s.Facility is { } facility)
            {
                Organization($"{path}.facility", facility);
            }
        }

        private void Delivery(string path, LabReport report)
        {
            var d = report.Delivery;
            if (SglReference.Domain.Delivery.DeliveryPlanner.Plan(report).Violation is { } violation)
            {
                Add(path, violation.Code, violation.Message);
            }

            OptionalText($"{path}.mailBodyProfessional", d.MailBodyProfessional, TextRules.CommentMaxLength, multiline: true);
            OptionalText($"{path}.mailBodyPatient", d.MailBodyPatient, TextRules.CommentMaxLength, multiline: true);
        }

        private void Comments(string path, ValueList<Comment> comments)
        {
            Count(path, comments.Count, ContractLimits.Comments);
            for (var i = 0; i < comments.Count; i++)
            {
                Text($"{path}[{i}].text", comments[i].Text, TextRules.CommentMaxLength, multiline: true);
            }
        }

        private void Address(string path, Address a)
        {
            Count($"{path}.lines", a.Lines.Count, ContractLimits.AddressLines);
            for (var i = 0; i < a.Lines.Count; i++)
            {
                Text($"{path}.lines[{i}]", a.Lines[i], TextRules.NameMaxLength, multiline: false);
            }

            OptionalText($"{path}.postalCode", a.PostalCode, 16, multiline: false);
            OptionalText($"{path}.city", a.City, TextRules.NameMaxLength, multiline: false);
            OptionalText($"{path}.country", a.Country, TextRules.NameMaxLength, multiline: false);
        }

        private void Telecoms(string path, ValueList<Telecom> telecoms)
        {
            Count(path, telecoms.Count, ContractLimits.Telecoms);
            for (var i = 0; i < telecoms.Count; i++)
            {
                Text($"{path}[{i}].value", telecoms[i].Value, 256, multiline: false);
            }
        }

        private void SpecimenReference(string path, string? id)
        {
            if (id is not null && !_specimenIds.Contains(id))
            {
                Add(path, ErrorCodes.Reference, $"no specimen has id \"{Rpps.Truncate(id)}\"");
            }
        }

        private void Loinc(string path, CodedConcept code, bool required)
        {
            if (!code.IsLoinc)
            {
                if (required)
                {
                    Add($"{path}.system", ErrorCodes.ValueSet, $"must be a LOINC code (system {CodeSystems.Loinc})");
                    return;
                }

                Coded(path, code);
                return;
            }

            Rule($"{path}.code", LoincCode.Check(code.Code));
            Text($"{path}.display", code.Display, TextRules.LabelMaxLength, multiline: false);
        }

        private void Coded(string path, CodedConcept code)
        {
            Rule($"{path}.system", Oid.Check(code.System));
            Text($"{path}.code", code.Code, 64, multiline: false);
            Text($"{path}.display", code.Display, TextRules.LabelMaxLength, multiline: false);
        }

        /// <summary>False for the placeholder of a date a reader could not read (already reported there).</summary>
        private static bool Known(params ReadOnlySpan<DateTimeOffset> values)
        {
            foreach (var value in values)
            {
                if (value == default)
                {
                    return false;
                }
            }

            return true;
        }

        private void Identifier(string path, string value) => Rule(path, TextRules.CheckIdentifier(value));

        private void Name(string path, string value) => Text(path, value, TextRules.NameMaxLength, multiline: false);

        private void Text(string path, string value, int max, bool multiline)
        {
            _text += value.Length;
            Rule(path, TextRules.Check(value, max, multiline));
        }

        private void Count(string path, int count, int max)
        {
            if (count > max)
            {
                errors.Add(ContractLimits.TooManyItems(path, count, max));
            }
        }

        private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

        private void OptionalText(string path, string? value, int max, bool multiline)
        {
            if (value is not null)
            {
                Text(path, value, max, multiline);
            }
        }

        private void Rule(string path, RuleViolation? violation)
        {
            if (violation is { } v)
            {
                errors.Add(v.At(path));
            }
        }

        private void Add(string path, string code, string message) => errors.Add(new ValidationError(path, message, code));
    }
}

using SglReference.Domain;
using SglReference.Domain.Documents;
using SglReference.Domain.Identifiers;

namespace SglReference.Cda;

/// <summary>
/// The CDA header shared by the N3 and the N1 of a CR-Bio (they differ only by their templateIds): patient with the INS
/// only when qualified, author, custodian, legal authenticator, authenticator, prescriber, collectors, médecin traitant,
/// order, service events, replaced version, encounter.
/// </summary>
internal static class CdaHeaderWriter
{
    public static void Write(CdaXml x, LabReport report, DocumentIdentity identity, DocumentFormat format)
    {
        var lab = report.Laboratory;
        x.Empty("realmCode", ("code", "FR"));
        x.Empty("typeId", ("root", "2.16.840.1.113883.1.3"), ("extension", "POCD_HD000040"));
        x.TemplateId(CdaConstants.TemplateHl7France);
        x.TemplateId(CdaConstants.TemplateStructurationMinimale);
        if (format == DocumentFormat.N3)
        {
            x.TemplateId(CdaConstants.TemplatePalmXdLab);
            x.TemplateId(CdaConstants.TemplateCrBio, CdaConstants.TemplateCrBioVersion);
        }
        else
        {
            x.TemplateId(CdaConstants.TemplateXdsSd);
        }

        x.Id(identity.Id);
        x.Code("code", CdaConstants.DocumentTypeCode, CodeSystems.Loinc, CdaConstants.DocumentTypeDisplay, "LOINC");
        x.TextElement("title", CdaConstants.Title);
        x.Time("effectiveTime", report.ValidatedAt);
        x.Code("confidentialityCode", "N", CdaConstants.ConfidentialitySystem, "Normal");
        x.Empty("languageCode", ("code", "fr-FR"));
        x.Empty("setId", ("root", identity.SetId));
        x.Empty("versionNumber", ("value", identity.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        RecordTarget(x, report.Patient);

        // author: the validating biologist, for the lab
        var biologist = report.Biologist;
        x.Start("author");
        x.Time("time", report.ValidatedAt);
        AssignedEntity(x, "assignedAuthor", biologist, lab, withPracticeSetting: false);
        x.End();

        // custodian: the lab
        x.Start("custodian");
        x.Start("assignedCustodian");
        x.Start("representedCustodianOrganization");
        x.Id(CodeSystems.NationalStructureId, "1" + lab.FinessGeographique);
        x.TextElement("name", lab.Name);
        x.Telecoms(lab.Telecoms.Take(1), "WP");
        x.Address(lab.Address);
        x.End();
        x.End();
        x.End();

        // legal authenticator: the validating biologist
        x.Start("legalAuthenticator");
        x.Time("time", report.ValidatedAt);
        x.Empty("signatureCode", ("code", "S"));
        AssignedEntity(x, "assignedEntity", biologist, lab, withPracticeSetting: true);
        x.End();

        // authenticator: the biologist who validated the results (IHE PaLM)
        x.Start("authenticator");
        x.TemplateId("1.3.6.1.4.1.19376.1.3.3.1.5");
        x.Time("time", report.ValidatedAt);
        x.Empty("signatureCode", ("code", "S"));
        AssignedEntity(x, "assignedEntity", biologist, lab, withPracticeSetting: false);
        x.End();

        if (report.Prescriber is { } prescriber)
        {
            x.Start("participant");
            x.Attr("typeCode", "REF");
            x.TemplateId("1.3.6.1.4.1.19376.1.3.3.1.6");
            if (report.Request.PrescriptionDate is { } date)
            {
                x.Start("time");
                x.XsiType("IVL_TS");
                x.Date("high", date);
                x.End();
            }
            else
            {
                x.Start("time");
                x.XsiType("IVL_TS");
                x.Attr("nullFlavor", "UNK");
                x.End();
            }

            AssociatedEntity(x, prescriber, "NASK");
            x.End();
        }

        foreach (var specimen in report.Specimens.Where(s => s.Collector is not null).DistinctBy(s => s.Collector))
        {
            x.Start("participant");
            x.Attr("typeCode", "PRF");
            x.Code("functionCode", "PRELV", CdaConstants.CollectorFunctionSystem, "Préleveur");
            x.HighTime("time", specimen.CollectedAt);
            AssociatedEntity(x, specimen.Collector!, "UNK");
            x.End();
        }

        if (report.AttendingPhysician is { } gp)
        {
            x.Start("participant");
            x.Attr("typeCode", "INF");
            x.Code("functionCode", "PCP", CdaConstants.FunctionCodeSystem, "Médecin traitant");
            x.Empty("time", ("nullFlavor", "NA"));
            AssociatedEntity(x, gp, "NASK");
            x.End();
        }

        // The prescription the lab received (TSH_1: "Identifiant de la prescription d'examens de biologie reçue par le
        // SIL"), distinct from the lab's own request number carried by serviceEvent/id.
        if (report.PrescriptionIdentifier is { } prescription)
        {
            x.Start("inFulfillmentOf");
            x.Start("order");
            x.Id(prescription.Authority, prescription.Value);
            x.End();
            x.End();
        }

        ServiceEvents(x, report);

        if (identity.Replaces is { } replaced)
        {
            x.Start("relatedDocument");
            x.Attr("typeCode", "RPLC");
            x.Start("parentDocument");
            x.Id(replaced.Id);
            x.Empty("versionNumber", ("value", replaced.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            x.End();
            x.End();
        }

        Encounter(x, report);
    }

    private static void RecordTarget(CdaXml x, Patient p)
    {
        x.Start("recordTarget");
        x.Start("patientRole");
        if (p.QualifiedIns is { } ins)
        {
            x.Id(ins.Oid, ins.Matricule);
        }

        x.Id(p.Ipp.Authority, p.Ipp.Value);
        x.Address(p.Address, "H");
        x.Telecoms(p.Telecoms, "H", "UNK", p.QualifiedIns is { } qualified ? MssanteAddress.ForPatient(qualified) : null);
        x.Start("patient");
        x.Attr("classCode", "PSN");
        x.Start("name");
        x.Start("family");
        x.Attr("qualifier", "BR");
        x.String(p.BirthName);
        x.End();
        x.TextElement("given", string.Join(' ', p.BirthGivenNames));
        x.Start("given");
        x.Attr("qualifier", "BR");
        x.String(p.FirstGivenName);
        x.End();
        if (p.UsedName is { } usedName)
        {
            x.Start("family");
            x.Attr("qualifier", "CL");
            x.String(usedName);
            x.End();
        }

        if (p.UsedGivenName is { } usedGiven)
        {
            x.Start("given");
            x.Attr("qualifier", "CL");
            x.String(usedGiven);
            x.End();
        }

        x.End();
        if (p.Sex == Sex.Unknown)
        {
            x.Code("administrativeGenderCode", "UN", CodeSystems.AdministrativeGender, "Inconnu");
        }
        else
        {
            x.Code("administrativeGenderCode", p.Sex == Sex.Female ? "F" : "M", CodeSystems.AdministrativeGender, p.Sex == Sex.Female ? "Féminin" : "Masculin");
        }

        x.Date("birthTime", p.BirthDate);
        if (p.LegalRepresentative is { } rep)
        {
            x.Start("guardian");
            x.Address(rep.Address, "H");
            x.Telecoms(rep.Telecoms, "H");
            x.Start("guardianPerson");
            x.Start("name");
            if (rep.GivenName is { } given)
            {
                x.TextElement("given", given);
            }

            x.TextElement("family", rep.FamilyName);
            x.End();
            x.End();
            x.End();
        }

        if (p.BirthPlaceCode is { } place)
        {
            x.Start("birthplace");
            x.Start("place");
            x.Start("addr");
            x.TextElement("county", place);
            x.End();
            x.End();
            x.End();
        }

        x.End();
        x.End();
        x.End();
    }

    /// <summary>The biologist (or lab director) acting for the lab: assignedAuthor or assignedEntity.</summary>
    private static void AssignedEntity(CdaXml x, string element, Practitioner person, Laboratory lab, bool withPracticeSetting)
    {
        x.Start(element);
        x.ProfessionalId(person);
        x.Profession(person, CdaConstants.DefaultBiologistProfession, CdaConstants.DefaultBiologistProfessionDisplay);
        x.Address(person.Address ?? lab.Address);
        x.Telecoms(person.Telecoms.IsEmpty ? lab.Telecoms : person.Telecoms, "WP");
        x.Start("assignedPerson");
        x.PersonName(person);
        x.End();
        x.Organization("representedOrganization", lab.AsOrganization(), withPracticeSetting ? lab.PracticeSetting : null);
        x.End();
    }

    private static void AssociatedEntity(CdaXml x, Practitioner person, string telecomNullFlavor)
    {
        x.Start("associatedEntity");
        x.Attr("classCode", "PROV");
        x.ProfessionalId(person);
        x.Profession(person);
        x.Address(person.Address);
        x.Telecoms(person.Telecoms, "WP", telecomNullFlavor, person.MssanteAddress);
        x.Start("associatedPerson");
        x.PersonName(person);
        x.End();
        if (person.Organization is { } organization)
        {
            x.Start("scopingOrganization");
            if (organization.Finess is { } finess)
            {
                x.Id(CodeSystems.NationalStructureId, "1" + finess);
            }

            x.TextElement("name", organization.Name);
            x.Telecoms(organization.Telecoms, "WP");
            x.Address(organization.Address);
            if (organization.PracticeSetting is { } setting)
            {
                x.PracticeSettingCode("standardIndustryClassCode", setting);
            }

            x.End();
        }

        x.End();
    }

    private static void ServiceEvents(CdaXml x, LabReport report)
    {
        var lab = report.Laboratory;
        var director = report.LabDirector;
        var chapters = report.Chapters.Select(c => c.Code).DistinctBy(c => c.Code).ToList();
        for (var i = 0; i < chapters.Count; i++)
        {
            x.Start("documentationOf");
            x.Start("serviceEvent");
            if (i == 0)
            {
                x.Id(lab.Oids.Orders, report.Request.OrderNumber);
            }

            x.Loinc("code", chapters[i]);
            if (i == 0)
            {
                x.Writer.WriteStartElement("lab", "statusCode", CdaConstants.Lab);
                x.Writer.WriteAttributeString("code", report.Status == ReportStatus.Partial ? "active" : "completed");
                x.Writer.WriteEndElement();
                x.Start("effectiveTime");
                x.Time("low", report.Request.ReceivedAt);
                x.Time("high", report.ValidatedAt);
                x.End();
                x.Start("performer");
                x.Attr("typeCode", "PRF");
                x.TemplateId("1.3.6.1.4.1.19376.1.3.3.1.7");
                x.Start("time");
                x.Time("high", report.ValidatedAt);
                x.End();
                AssignedEntity(x, "assignedEntity", director, lab, withPracticeSetting: true);
                x.End();
            }

            x.End();
            x.End();
        }
    }

    private static void Encounter(CdaXml x, LabReport report)
    {
        var lab = report.Laboratory;
        var director = report.LabDirector;
        x.Start("componentOf");
        x.Start("encompassingEncounter");
        if (report.Stay is { } stay)
        {
            x.Id(stay.VisitNumber.Authority, stay.VisitNumber.Value);
            var (code, display) = stay.Kind switch
            {
                EncounterKind.Inpatient => ("IMP", "Hospitalisation"),
                EncounterKind.Emergency => ("EMER", "Urgences"),
                _ => ("AMB", "Ambulatoire"),
            };
            x.Code("code", code, CdaConstants.ActCodeSystem, display);
            x.Start("effectiveTime");
            x.Time("low", stay.AdmittedAt);
            if (stay.DischargedAt is { } discharged)
            {
                x.Time("high", discharged);
            }

            x.End();
        }
        else
        {
            x.Code("code", "AMB", CdaConstants.ActCodeSystem, "Ambulatoire");
            x.Start("effectiveTime");
            var start = report.Specimens.Count > 0 ? report.Specimens.Min(s => s.CollectedAt) : report.Request.ReceivedAt;
            x.Time("low", start);
            x.End();
        }

        x.Start("responsibleParty");
        x.Start("assignedEntity");
        x.ProfessionalId(director);
        x.Profession(director, CdaConstants.DefaultBiologistProfession, CdaConstants.DefaultBiologistProfessionDisplay);
        x.Address(director.Address ?? lab.Address);
        x.Telecoms(director.Telecoms.IsEmpty ? lab.Telecoms : director.Telecoms, "WP");
        x.Start("assignedPerson");
        x.PersonName(director);
        x.End();
        x.Organization("representedOrganization", lab.AsOrganization(), setting: null, accreditation: lab.Accreditation);
        x.End();
        x.End();

        x.Start("location");
        x.Start("healthCareFacility");
        x.Code("code", "SA25", CodeSystems.HealthcareFacilityType, "Laboratoire de biologie médicale");
        x.Start("location");
        x.TextElement("name", lab.Name);
        x.Address(lab.Address);
        x.End();
        x.End();
        x.End();
        x.End();
        x.End();
    }
}

using SglReference.Domain;
using SglReference.Domain.Validation;
using SglReference.Input.Json;
using F = Hl7.Fhir.Model;

namespace SglReference.Fhir;

/// <summary>The request, the specimens, the stay and the delivery choices.</summary>
internal sealed partial class FhirReportMapper
{
    /// <summary>
    /// The request: the order number is <c>requisition</c> (the lab's dossier, shared by the requests of one visit),
    /// else the filler identifier (type FILL), else the first identifier; reception is <c>sgl:request-received-at</c>,
    /// else the earliest specimen reception (which itself defaults to collection).
    /// </summary>
    private LabRequest Request(F.ServiceRequest r, IReadOnlyList<Specimen> specimens)
    {
        var where = _index.LocationOf(r);
        Sources.Add("request", where);
        string? orderNumber;
        F.Identifier? prescription;
        if (r.Requisition?.Value is { } requisition)
        {
            orderNumber = requisition;
            prescription = r.Identifier.FirstOrDefault(i => i.Value is not null);
        }
        else
        {
            var filler = r.Identifier.FirstOrDefault(i => i.Value is not null && i.Type?.Coding.Any(c => c.Code == "FILL") == true) ??
                r.Identifier.FirstOrDefault(i => i.Value is not null && i.Type?.Coding.Any(c => c.Code == "PLAC") != true);
            orderNumber = filler?.Value;
            prescription = r.Identifier.FirstOrDefault(i => i.Value is not null && i.Type?.Coding.Any(c => c.Code == "PLAC") == true);
            Sources.Add("request.orderNumber", $"{where}.identifier");
        }

        var prescriptionId = prescription?.Value;
        var prescriptionAuthority = FhirUris.OidOf(prescription?.System);

        if (orderNumber is null)
        {
            Fail<string>($"{where}.requisition", ErrorCodes.Required, "the lab's request number is required (requisition, or an identifier of type FILL)", "request.orderNumber");
        }

        DateTimeOffset receivedAt = default;
        var received = (r.GetExtension(FhirUris.RequestReceivedAt)?.Value as F.FhirDateTime)?.Value;
        if (received is not null)
        {
            if (!Timestamps.TryParse(received, out receivedAt))
            {
                Fail<string>($"{where}.extension[request-received-at]", ErrorCodes.Date, "must be a date-time with its UTC offset", "request.receivedAt");
            }
        }
        else if (specimens.Where(s => s.ReceivedAt != default).Select(s => s.ReceivedAt).DefaultIfEmpty().Min() is var earliest && earliest != default)
        {
            receivedAt = earliest;
            Sources.Add("request.receivedAt", where);
        }
        else if (_specimenMissing)
        {
            Sources.Reported("request.receivedAt"); // the missing specimen is the error
        }
        else
        {
            Fail<string>($"{where}.extension[request-received-at]", ErrorCodes.Required,
                "when the lab received the request is required: a specimen with receivedTime or collection.collectedDateTime, or the request-received-at extension", "request.receivedAt");
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
                Fail<string>($"{where}.authoredOn", ErrorCodes.Date, "must start with a full date YYYY-MM-DD", "request.prescriptionDate");
            }
        }

        return new LabRequest(
            orderNumber ?? string.Empty,
            prescriptionId,
            prescriptionDate,
            receivedAt,
            r.Priority is F.RequestPriority.Urgent or F.RequestPriority.Asap or F.RequestPriority.Stat ? Urgency.Urgent : Urgency.Routine,
            prescriptionAuthority);
    }

    /// <summary>
    /// A specimen: its id is <c>accessionIdentifier</c> (FHIR R4), else the first identifier; its type the v2-0487
    /// coding, else the first coding; reception defaults to collection when <c>receivedTime</c> is absent.
    /// </summary>
    private Specimen Specimen(F.Specimen s, string modelPath)
    {
        var where = _index.LocationOf(s);
        var id = s.AccessionIdentifier?.Value ?? s.Identifier.FirstOrDefault(i => i.Value is not null)?.Value;
        if (id is null)
        {
            Fail<string>($"{where}.accessionIdentifier", ErrorCodes.Required, "the specimen id (accessionIdentifier, or identifier) is required", $"{modelPath}.id");
        }

        var coding = s.Type?.Coding.FirstOrDefault(c => c.System == FhirUris.SpecimenType) ?? s.Type?.Coding.FirstOrDefault();
        if (coding is null)
        {
            Fail<string>($"{where}.type", ErrorCodes.Required, "the specimen type (HL7 table 0487) is required", $"{modelPath}.type");
        }

        var collected = (s.Collection?.Collected as F.FhirDateTime)?.Value;
        if (!Timestamps.TryParse(collected, out var collectedAt))
        {
            Fail<string>($"{where}.collection.collectedDateTime", collected is null ? ErrorCodes.Required : ErrorCodes.Date,
                "collection date-time with its UTC offset is required", $"{modelPath}.collectedAt");
        }

        var receivedAt = collectedAt;
        if (s.ReceivedTime is not null && !Timestamps.TryParse(s.ReceivedTime, out receivedAt))
        {
            Fail<string>($"{where}.receivedTime", ErrorCodes.Date, "reception date-time needs its UTC offset", $"{modelPath}.receivedAt");
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
}

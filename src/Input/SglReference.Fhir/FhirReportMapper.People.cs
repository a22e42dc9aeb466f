using SglReference.Domain;
using SglReference.Domain.Validation;
using SglReference.Input.Json;
using F = Hl7.Fhir.Model;

namespace SglReference.Fhir;

/// <summary>The people of a report: patient, practitioners, copies; addresses and telecoms.</summary>
internal sealed partial class FhirReportMapper
{
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
}

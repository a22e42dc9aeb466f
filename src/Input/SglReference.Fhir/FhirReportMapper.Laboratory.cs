using SglReference.Domain;
using SglReference.Domain.Validation;
using SglReference.Input.Json;
using F = Hl7.Fhir.Model;

namespace SglReference.Fhir;

/// <summary>The laboratory: the configured lab profile its FINESS or IDNST selects, or the Organization itself.</summary>
internal sealed partial class FhirReportMapper
{
    /// <summary>
    /// The report's laboratory. With lab profiles configured, the profile whose FINESS géographique the lab
    /// Organization names (FINESS <c>https://finess.esante.gouv.fr</c>, or IDNST <c>urn:oid:1.2.250.1.71.4.2.2</c> =
    /// "1" + FINESS), or the only profile when the Bundle names no lab: its OIDs, BAL and accreditation are the
    /// profile's. Without profiles, the Organization itself, with the <c>sgl:lab-oids</c> extension.
    /// </summary>
    private Laboratory Laboratory(F.Organization? o, string reportAt)
    {
        if (o is null)
        {
            if (_profiles.Count == 1)
            {
                return _profiles[0];
            }

            return Fail<Laboratory?>($"{reportAt}.performer", ErrorCodes.FhirMissing, _profiles.Count == 0
                ? "the laboratory is required: an Organization as the Composition's custodian or in DiagnosticReport.performer"
                : $"the laboratory is required: an Organization (custodian or performer) whose FINESS selects one of the {_profiles.Count} lab profiles", "laboratory") ?? EmptyLab();
        }

        var where = _index.LocationOf(o);
        Sources.Add("laboratory", where);
        string? finessGeo = null;
        string? finessJur = null;
        string? accreditation = null;
        foreach (var identifier in o.Identifier)
        {
            if (identifier.Value is not { } value)
            {
                continue;
            }

            if (identifier.System is FhirUris.Finess or FhirUris.FinessLegacy)
            {
                if (identifier.Type?.Coding.Any(c => c.Code == "FINEJ") == true)
                {
                    finessJur ??= value;
                }
                else
                {
                    finessGeo ??= value;
                }
            }
            else if (identifier.System == FhirUris.Idnst && value.Length == 10 && value[0] == '1')
            {
                finessGeo ??= value[1..];
            }
            else if (identifier.System == "urn:oid:" + Domain.CodeSystems.Cofrac)
            {
                accreditation ??= value;
            }
        }

        foreach (var profile in _profiles)
        {
            if (string.Equals(profile.FinessGeographique, finessGeo, StringComparison.Ordinal))
            {
                return profile;
            }
        }

        // A Bundle that describes its lab in full (sgl:lab-oids) keeps working without a profile for it.
        if (_profiles.Count > 0 && o.GetExtension(FhirUris.LabOids) is null)
        {
            return Fail<Laboratory?>($"{where}.identifier", ErrorCodes.Reference, finessGeo is null
                ? $"the lab Organization has no FINESS ({FhirUris.Finess}) nor IDNST ({FhirUris.Idnst}, \"1\" + FINESS) to select its lab profile (configured: {string.Join(", ", _profiles.Select(p => p.FinessGeographique))})"
                : $"no laboratory profile has the FINESS {JsonObject.Shorten(finessGeo)} (configured: {string.Join(", ", _profiles.Select(p => p.FinessGeographique))})", "laboratory") ?? EmptyLab();
        }

        if (finessGeo is null)
        {
            Fail<string>($"{where}.identifier", ErrorCodes.Required, $"the lab's FINESS géographique is required (system {FhirUris.Finess}, or IDNST {FhirUris.Idnst} = \"1\" + FINESS)", "laboratory.finessGeographique");
        }

        var oids = o.GetExtension(FhirUris.LabOids);
        if (oids is null)
        {
            Fail<string>($"{where}.extension", ErrorCodes.Required,
                $"the lab's OIDs are required: configure its lab profile (configuration \"laboratories\") or give the {FhirUris.LabOids} extension", "laboratory.oids");
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
            oids is null ? new LabOids(string.Empty, string.Empty) : new LabOids(Oid(oids, "documents") ?? string.Empty, Oid(oids, "orders") ?? string.Empty, Oid(oids, "specimens")),
            mssante,
            accreditation,
            setting,
            director);
    }

    private static string? Oid(F.Extension? parent, string name) =>
        parent?.GetExtension(name)?.Value is F.Oid oid && oid.Value is { } value ? (value.StartsWith("urn:oid:", StringComparison.Ordinal) ? value[8..] : value) : null;

    private static Domain.Organization Organization(F.Organization o)
    {
        var finess = o.Identifier.FirstOrDefault(i => i.System is FhirUris.Finess or FhirUris.FinessLegacy)?.Value ??
            o.Identifier.FirstOrDefault(i => i.System == FhirUris.Idnst && i.Value is { Length: 10 } v && v[0] == '1')?.Value?[1..];
        return new Domain.Organization(o.Name ?? string.Empty, finess, o.Address.FirstOrDefault() is { } a ? Address(a) : null, Telecoms(o.Telecom, out _), PracticeSettingOf(o));
    }

    /// <summary>The organization's TRE_A01 practice setting (Organization.type ETABLISSEMENT / AMBULATOIRE), when it gives one.</summary>
    private static PracticeSetting? PracticeSettingOf(F.Organization o)
    {
        var codes = o.Type.SelectMany(t => t.Coding).Select(c => c.Code).ToList();
        return codes.Contains("ETABLISSEMENT") ? PracticeSetting.Hospital : codes.Contains("AMBULATOIRE") ? PracticeSetting.Ambulatory : null;
    }

    private static Laboratory EmptyLab() => new(string.Empty, string.Empty, null, new Domain.Address(ValueList<string>.Empty, null, null),
        ValueList<Telecom>.Empty, new LabOids(string.Empty, string.Empty), null, null, PracticeSetting.Ambulatory, null);
}

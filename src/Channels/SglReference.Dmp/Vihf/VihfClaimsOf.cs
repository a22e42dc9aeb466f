using SglReference.Domain;
using SglReference.Domain.Delivery;

namespace SglReference.Dmp.Vihf;

/// <summary>The VIHF claims of a report: the validating biologist acts for the lab's structure, for the report's patient.</summary>
internal static class VihfClaimsOf
{
    /// <summary>The biologist's two role values from the JDV_J01 code G15_pp/ssss (profession pp, specialty ssss), or why not.</summary>
    public static (IReadOnlyList<VihfRole>? Roles, string? Problem) Roles(Practitioner biologist)
    {
        if (biologist.Profession is not { } profession)
        {
            return (null, "the biologist has no profession/specialty (the DMP refuses a role without specialty)");
        }

        var code = profession.Code;
        var slash = code.IndexOf('/', StringComparison.Ordinal);
        if (!code.StartsWith("G15_", StringComparison.Ordinal) || slash < 5 || slash == code.Length - 1)
        {
            return (null, $"the biologist's profession {code} does not name a profession and a specialty (JDV_J01 G15_pp/ssss)");
        }

        var display = profession.Display ?? string.Empty;
        var dash = display.IndexOf(" - ", StringComparison.Ordinal);
        var professionName = dash > 0 ? display[..dash] : display;
        var specialtyName = dash > 0 ? display[(dash + 3)..] : display;
        return ([
            new VihfRole(code[4..slash], "1.2.250.1.71.1.2.7", "professions", professionName),
            new VihfRole(code[(slash + 1)..], "1.2.250.1.71.4.2.5", "specialites RPPS", specialtyName),
        ], null);
    }

    public static VihfClaims For(LabReport report, MetaDmpMssFlags flags, DmpStructure structure, DmpOptions options, IReadOnlyList<VihfRole> roles)
    {
        var ins = report.Patient.QualifiedIns ?? throw new InvalidOperationException("no qualified INS");
        var biologist = report.Biologist;
        return new VihfClaims(
            biologist.Idnps!,
            string.Join(' ', new[] { biologist.GivenName, biologist.FamilyName }.Where(p => !string.IsNullOrEmpty(p))),
            roles,
            structure.Identifier,
            options.Sector,
            options.AuthenticationMode,
            $"{ins.Matricule}^^^&{ins.Oid}&ISO^NH",
            options.Lps,
            options.AuthnContext,
            flags.ConnexionSecrete ? VihfAssertion.SecretConnectionValue : null);
    }
}

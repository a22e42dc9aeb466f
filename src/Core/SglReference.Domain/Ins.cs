namespace SglReference.Domain;

/// <summary>The Identifiant National de Santé: the 15-character matricule (NIR or NIA with its key) and its OID.</summary>
/// <param name="Matricule">The 15 characters, key included (e.g. 279035121518989).</param>
/// <param name="Oid">The OID of the INS domain (see <see cref="KindOf(string)"/>).</param>
public sealed record Ins(string Matricule, string Oid)
{
    /// <summary>The domain of this INS, or null when <see cref="Oid"/> is not an INS OID.</summary>
    public InsKind? Kind => KindOf(Oid);

    /// <summary>Maps an OID to its INS domain.</summary>
    public static InsKind? KindOf(string oid) => oid switch
    {
        CodeSystems.InsNir => InsKind.Nir,
        CodeSystems.InsNia => InsKind.Nia,
        CodeSystems.InsNirTest => InsKind.NirTest,
        CodeSystems.InsNirDemo => InsKind.NirDemo,
        _ => null,
    };

    /// <summary>The OID of an INS domain.</summary>
    public static string OidOf(InsKind kind) => kind switch
    {
        InsKind.Nir => CodeSystems.InsNir,
        InsKind.Nia => CodeSystems.InsNia,
        InsKind.NirTest => CodeSystems.InsNirTest,
        InsKind.NirDemo => CodeSystems.InsNirDemo,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

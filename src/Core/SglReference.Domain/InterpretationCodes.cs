using System.Collections.Frozen;

namespace SglReference.Domain;

/// <summary>
/// The interpretation flags a CR-Bio may carry: value set JDV_HL7_ObservationInterpretation_CISIS
/// (2.16.840.1.113883.1.11.78, HL7 v3 ObservationInterpretation), with their French labels.
/// </summary>
public static class InterpretationCodes
{
    private static readonly FrozenDictionary<string, string> s_labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["<"] = "Inférieur à la limite de détection",
        [">"] = "Supérieur à la limite maximale de mesure",
        ["A"] = "Anormal",
        ["AA"] = "Très anormal, alerte",
        ["B"] = "Amélioration",
        ["CAR"] = "Porteur d'une forme altérée d'un gène",
        ["D"] = "Diminution significative par rapport au résultat antérieur",
        ["DET"] = "Détecté",
        ["E"] = "Équivoque",
        ["EX"] = "Hors seuils",
        ["EXP"] = "Attendu",
        ["H"] = "Anormalement haut",
        ["HH"] = "Très anormalement haut, alerte",
        ["HU"] = "Significativement haut",
        ["HX"] = "Hors seuil supérieur",
        ["I"] = "Intermédiaire",
        ["IE"] = "Preuves insuffisantes",
        ["IND"] = "Indéterminé",
        ["L"] = "Anormalement bas",
        ["LL"] = "Très anormalement bas, alerte",
        ["LU"] = "Significativement bas",
        ["LX"] = "Hors seuil inférieur",
        ["N"] = "Normal",
        ["NCL"] = "Pas de standard défini",
        ["ND"] = "Non détecté",
        ["NEG"] = "Négatif",
        ["NR"] = "Non réactif",
        ["NS"] = "Non sensible",
        ["POS"] = "Positif",
        ["R"] = "Résistant",
        ["RR"] = "Réactif",
        ["S"] = "Sensible",
        ["SDD"] = "Sensible à forte dose",
        ["SYN-R"] = "Synergie - résistant",
        ["SYN-S"] = "Synergie - sensible",
        ["U"] = "Augmentation significative par rapport au résultat antérieur",
        ["UNE"] = "Inattendu",
        ["W"] = "Dégradation",
        ["WR"] = "Faiblement réactif",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_abnormal =
        new[] { "A", "AA", "H", "HH", "HU", "HX", "L", "LL", "LU", "LX", "POS", "DET", "RR", "R", "UNE", "EX" }
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="code"/> is in the value set.</summary>
    public static bool IsKnown(string code) => s_labels.ContainsKey(code);

    /// <summary>The French label of <paramref name="code"/>, or the code itself.</summary>
    public static string Label(string code) => s_labels.TryGetValue(code, out var label) ? label : code;

    /// <summary>True for flags that mark a value outside the expected range (bold and flagged on print).</summary>
    public static bool IsAbnormal(string code) => s_abnormal.Contains(code);

    /// <summary>The printed marker of the flags that have one (H, L, HH, LL, A, AA), else null.</summary>
    public static string? PrintMarker(IEnumerable<string> codes)
    {
        foreach (var code in codes)
        {
            if (code is "HH" or "LL" or "H" or "L" or "AA" or "A")
            {
                return code;
            }
        }

        return null;
    }
}

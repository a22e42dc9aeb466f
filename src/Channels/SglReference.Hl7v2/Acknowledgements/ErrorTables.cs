using System.Globalization;

namespace SglReference.Hl7v2.Acknowledgements;

/// <summary>The labels of the error codes an acknowledgement may carry (volet trans-cda-r2, error-codes).</summary>
public static class ErrorTables
{
    /// <summary>HL7 table 0357 (messageErrorCondition, ERR-3).</summary>
    public static IReadOnlyDictionary<string, string> MessageErrorConditions { get; } = new Dictionary<string, string>
    {
        ["0"] = "Message accepted",
        ["100"] = "Segment sequence error",
        ["101"] = "Required field missing",
        ["102"] = "Data type error",
        ["103"] = "Table value not found",
        ["198"] = "Non-conformant cardinality",
        ["199"] = "Other HL7 Error",
        ["200"] = "Unsupported message type",
        ["201"] = "Unsupported event code",
        ["202"] = "Unsupported processing",
        ["203"] = "Unsupported version",
        ["207"] = "Application error",
    };

    /// <summary>applicationErrorCondition (ERR-5 when ERR-3 = 207).</summary>
    public static IReadOnlyDictionary<ConsumerError, string> ConsumerErrors { get; } = new Dictionary<ConsumerError, string>
    {
        [ConsumerError.VersionMismatch] = "Version du document incorrecte lors d'une demande de remplacement/suppression",
        [ConsumerError.AuthorNotAllowed] = "Auteur non autorisé à remplacer ou supprimer un document",
        [ConsumerError.UnknownPatient] = "Identifiant patient inconnu",
        [ConsumerError.InsMissing] = "INS non présent dans le document",
        [ConsumerError.InsMismatch] = "L'INS transmis ne correspond pas exactement à celui stocké dans la base du consommateur",
        [ConsumerError.InsIncomplete] = "L'INS transmis n'est pas complet",
        [ConsumerError.Other] = "Erreur 'Autre'",
    };

    /// <summary>The consumer error of an ERR-5 code ("905"), <see cref="ConsumerError.Unlisted"/> when not in the table.</summary>
    public static ConsumerError ConsumerErrorOf(string code) =>
        int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined(typeof(ConsumerError), n) && n != 0
            ? (ConsumerError)n
            : ConsumerError.Unlisted;
}

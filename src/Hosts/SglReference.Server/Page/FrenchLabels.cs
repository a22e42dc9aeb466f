namespace SglReference.Server.Page;

/// <summary>The page's words for statuses, channels and recipients.</summary>
internal static class FrenchLabels
{
    public static string Report(string status) => status switch
    {
        "accepted" => "reçu, en attente de production",
        "rendered" => "produit",
        "failed" => "en échec",
        "withdrawing" => "retrait en cours",
        "withdrawn" => "retiré",
        _ => status,
    };

    /// <summary>"3 envoyés", "1 lettre morte"...</summary>
    public static string Delivery(string status, int count) => count < 2 ? Delivery(status) : status switch
    {
        "pending" => "en attente",
        "sent" => "envoyés",
        "failed" => "échecs, nouvel essai prévu",
        "dead" => "lettres mortes",
        _ => status,
    };

    public static string Delivery(string status) => status switch
    {
        "pending" => "en attente",
        "sent" => "envoyé",
        "failed" => "échec, nouvel essai prévu",
        "dead" => "lettre morte",
        _ => status,
    };

    public static string Channel(string channel) => channel switch
    {
        "hl7v2" => "HL7 v2 (PFI)",
        "mss" => "MSSanté",
        "dmp" => "DMP",
        _ => channel,
    };

    public static string Recipient(string recipient) => recipient switch
    {
        "pfi" => "PFI de l'établissement",
        "professionals" => "professionnels",
        "patient" => "patient",
        "dmp" => "DMP",
        _ => recipient,
    };

    public static string Kind(string kind, string? audience)
    {
        var what = kind switch
        {
            "pdf" => "PDF",
            "cda-n3" => "CDA N3",
            "cda-n1" => "CDA N1",
            "hl7v2-oru" => "message HL7 ORU",
            "mss-message" => "message MSSanté",
            "ihe-xdm" => "archive IHE_XDM",
            _ => kind,
        };
        return audience switch
        {
            "professional" => what + " (version professionnels)",
            "patient" => what + " (version patient)",
            _ => what,
        };
    }

    public static string Certificate(string state) => state switch
    {
        "ok" => "valide",
        "expiring" => "expire bientôt",
        _ => "expiré",
    };

    public static string Event(string name) => name switch
    {
        "received" => "reçu",
        "replaced" => "remplacé",
        "rendered" => "produit",
        "refused" => "production refusée",
        "sent" => "envoyé",
        "failed" => "échec d'envoi",
        "dead" => "lettre morte",
        "retried" => "relancé",
        "withdrawal-requested" => "retrait demandé",
        "withdrawn" => "retiré",
        "acknowledged" => "accusé métier reçu",
        _ => name,
    };
}

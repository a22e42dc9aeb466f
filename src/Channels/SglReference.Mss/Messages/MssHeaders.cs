namespace SglReference.Mss.Messages;

/// <summary>The MSSanté headers (Référentiel socle MSSanté #2, clients de messagerie, §3.8 and ECO.2.2.8).</summary>
public static class MssHeaders
{
    /// <summary>ClinicalDocument/code of each CDA in the IHE_XDM archive.</summary>
    public const string CodeCda = "X-MSS-CODECDA";

    /// <summary>O when a qualified INS is in the archive, N otherwise.</summary>
    public const string Ins = "X-MSS-INS";

    /// <summary>The software's declaration number.</summary>
    public const string ProductNumber = "X-MSS-NIL";

    /// <summary>FIN: the patient may not reply (messages to Mon espace santé).</summary>
    public const string EndOfExchange = "X-MSS-MES";

    /// <summary>The subject's fixed prefix for health documents (ECO.2.1.3).</summary>
    public const string SubjectPrefix = "XDM/1.0/DDM+";
}

namespace SglReference.Hl7v2.Oru;

/// <summary>What the ORU asks the PFI to do with the document (ORC-1 and the document OBX-11 move together).</summary>
public enum OruAction
{
    /// <summary>First transmission: ORC-1 NW, OBX-11 F.</summary>
    Initial,

    /// <summary>Replacement of the previous version (the CDA carries relatedDocument RPLC): ORC-1 RO, OBX-11 C.</summary>
    Replace,

    /// <summary>Deletion: the last version is sent again with ORC-1 CA, OBX-11 D.</summary>
    Delete,
}

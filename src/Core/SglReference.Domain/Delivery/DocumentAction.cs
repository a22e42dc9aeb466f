namespace SglReference.Domain.Delivery;

/// <summary>What a delivery asks the receiver to do with the document it carries.</summary>
public enum DocumentAction
{
    /// <summary>First sending of the document (HL7 ORC-1 NW / OBX-11 F).</summary>
    Initial,

    /// <summary>Replacement of the previous version; the CDA carries relatedDocument RPLC (ORC-1 RO / OBX-11 C, XDM action C).</summary>
    Replace,

    /// <summary>Deletion: the last version is sent again marked for deletion (ORC-1 CA / OBX-11 D, XDM action D).</summary>
    Delete,
}

namespace SglReference.Domain;

/// <summary>The OID arcs the laboratory owns and under which the module mints identifiers.</summary>
/// <param name="Documents">Root of document ids and set ids (CDA ClinicalDocument/id, setId, XDS uniqueId).</param>
/// <param name="Orders">Assigning authority of the lab's request numbers (inFulfillmentOf/order/id, serviceEvent/id).</param>
/// <param name="Specimens">Assigning authority of specimen ids; defaults to <paramref name="Orders"/>.</param>
public sealed record LabOids(string Documents, string Orders, string? Specimens = null)
{
    /// <summary>The authority of specimen ids.</summary>
    public string SpecimenAuthority => Specimens ?? Orders;
}

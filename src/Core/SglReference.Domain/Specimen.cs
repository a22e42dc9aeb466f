namespace SglReference.Domain;

/// <summary>A specimen (prélèvement) the results were measured on.</summary>
/// <param name="Id">Specimen id, unique in the report; results refer to it.</param>
/// <param name="Type">Specimen type (HL7 table 0487: BLD, SER, UR...).</param>
/// <param name="CollectedAt">Collection date and time.</param>
/// <param name="ReceivedAt">Reception date and time at the lab.</param>
/// <param name="Collector">Who collected it (préleveur), when known.</param>
public sealed record Specimen(
    string Id,
    CodedConcept Type,
    DateTimeOffset CollectedAt,
    DateTimeOffset ReceivedAt,
    Practitioner? Collector);

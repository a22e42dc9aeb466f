namespace SglReference.Domain;

/// <summary>A micro-organism isolated from a culture, with its antibiogram.</summary>
/// <param name="Id">Id unique in the report (e.g. "ISO1").</param>
/// <param name="Organism">The organism (SNOMED CT).</param>
/// <param name="Count">Colony count or semi-quantitative result, when given.</param>
/// <param name="Antibiogram">Susceptibilities, in the order printed.</param>
/// <param name="Comments">Comments.</param>
/// <param name="Taxon">The organism in the NCBI Taxonomy (e.g. 562 Escherichia coli), written as translation of the SNOMED CT code.</param>
public sealed record Isolate(
    string Id,
    CodedConcept Organism,
    Observation? Count,
    ValueList<Susceptibility> Antibiogram,
    ValueList<Comment> Comments,
    CodedConcept? Taxon = null);

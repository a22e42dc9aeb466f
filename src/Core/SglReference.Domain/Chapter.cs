namespace SglReference.Domain;

/// <summary>A laboratory specialty (chapitre: biochimie, hématologie, microbiologie...).</summary>
/// <param name="Code">LOINC specialty code (e.g. 18719-5 Biochimie, 18723-7 Hématologie, 18725-2 Microbiologie).</param>
/// <param name="Title">Title printed for people.</param>
/// <param name="Batteries">Batteries, in print order.</param>
/// <param name="Comments">Comments.</param>
public sealed record Chapter(CodedConcept Code, string Title, ValueList<Battery> Batteries, ValueList<Comment> Comments);

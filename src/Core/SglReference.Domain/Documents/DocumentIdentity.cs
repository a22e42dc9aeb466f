namespace SglReference.Domain.Documents;

/// <summary>
/// The identity of one CDA document version: its id, the id of its version chain (setId) and its version number,
/// with the identity of the version it replaces (CDA relatedDocument RPLC).
/// </summary>
/// <param name="Id">ClinicalDocument/id/@root: an OID under the lab's document arc (no extension: the DMP takes OIDs).</param>
/// <param name="SetId">ClinicalDocument/setId/@root, shared by every version.</param>
/// <param name="Version">ClinicalDocument/versionNumber, 1 for the first version.</param>
/// <param name="Replaces">The version this one replaces, when <see cref="Version"/> is above 1.</param>
public sealed record DocumentIdentity(string Id, string SetId, int Version, DocumentIdentity? Replaces = null);

using System.Xml;

namespace SglReference.Dmp.Requests;

/// <summary>One DocumentEntry as the registry returns it (ITI-18 LeafClass).</summary>
/// <param name="EntryUuid">Its id (entryUUID), set by the DMP.</param>
/// <param name="LogicalId">Its lid.</param>
/// <param name="Status">availabilityStatus.</param>
/// <param name="Version">VersionInfo/@versionName.</param>
/// <param name="UniqueId">XDSDocumentEntry.uniqueId.</param>
/// <param name="Hash">The hash slot, when present.</param>
/// <param name="Element">The ExtrinsicObject as returned (for metadata updates).</param>
public sealed record RegistryEntry(string EntryUuid, string LogicalId, string Status, string Version, string UniqueId, string? Hash, XmlElement Element);

namespace SglReference.Delivery;

/// <summary>A report as the API and the page show it.</summary>
/// <param name="ReportId">Its id.</param>
/// <param name="Laboratory">Its lab's FINESS géographique.</param>
/// <param name="Revision">The latest accepted revision.</param>
/// <param name="Status">accepted, rendered, failed, withdrawing, withdrawn.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="ReceivedAt">When its first revision arrived.</param>
/// <param name="UpdatedAt">Its last change.</param>
/// <param name="Artifacts">Its stored files, every revision.</param>
/// <param name="Deliveries">Its outbox messages.</param>
public sealed record ReportView(string ReportId, string Laboratory, int Revision, string Status, string? Error, DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ArtifactView> Artifacts, IReadOnlyList<DeliveryView> Deliveries);

/// <summary>One stored file of a report.</summary>
/// <param name="Id">Its store id.</param>
/// <param name="Revision">The revision it was rendered for.</param>
/// <param name="Action">publish or withdraw.</param>
/// <param name="Kind">pdf, cda-n3, cda-n1, hl7v2-oru, ihe-xdm, mss-message...</param>
/// <param name="Audience">professional, patient or null.</param>
/// <param name="Channel">The channel of a message.</param>
/// <param name="DocumentId">The document it is or carries.</param>
/// <param name="SetId">Its chain.</param>
/// <param name="Version">Its version.</param>
/// <param name="MediaType">MIME type.</param>
/// <param name="FileName">File name.</param>
/// <param name="Size">Bytes.</param>
public sealed record ArtifactView(long Id, int Revision, string Action, string Kind, string? Audience, string? Channel, string? DocumentId, string? SetId, int? Version, string MediaType, string FileName, long Size);

/// <summary>One outbox message of a report.</summary>
/// <param name="Id">Its outbox id.</param>
/// <param name="Revision">The revision it was rendered for.</param>
/// <param name="Channel">hl7v2, mss, dmp.</param>
/// <param name="Recipient">The destination: pfi, professionals, patient, dmp (never a patient address).</param>
/// <param name="Kind">Its artifact kind.</param>
/// <param name="DocumentId">The document it carries.</param>
/// <param name="Version">That document's version.</param>
/// <param name="Sequence">Its place in the chain.</param>
/// <param name="MessageId">What the peer knows it by (MSH-10, Message-ID).</param>
/// <param name="Status">pending, sent, failed, dead.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="LastError">The last failure, without patient data.</param>
/// <param name="SentAt">When the peer accepted it.</param>
/// <param name="NextAttemptAt">When it is due.</param>
/// <param name="Acknowledgement">The last business acknowledgement (ZAM) received for it.</param>
public sealed record DeliveryView(long Id, int Revision, string Channel, string Recipient, string Kind, string DocumentId, int Version, int Sequence, string? MessageId,
    string Status, int Attempts, string? LastError, DateTimeOffset? SentAt, DateTimeOffset NextAttemptAt, string? Acknowledgement);

/// <summary>One row of the page's report list.</summary>
/// <param name="ReportId">Its id.</param>
/// <param name="Revision">The latest revision.</param>
/// <param name="Status">Its status.</param>
/// <param name="UpdatedAt">Its last change.</param>
/// <param name="Deliveries">Per channel: how many messages in each delivery state.</param>
public sealed record ReportSummary(string ReportId, int Revision, string Status, DateTimeOffset UpdatedAt, IReadOnlyList<ChannelTally> Deliveries);

/// <summary>How many messages of one channel are in one state.</summary>
public sealed record ChannelTally(string Channel, string Status, int Count);

/// <summary>One revision as received (the history of modified and deleted results).</summary>
/// <param name="Revision">Its number.</param>
/// <param name="Format">json or fhir.</param>
/// <param name="ContentHash">SHA-256 of the bytes.</param>
/// <param name="ReceivedAt">When.</param>
/// <param name="ReceivedBy">Who sent it.</param>
public sealed record RevisionView(int Revision, string Format, string ContentHash, DateTimeOffset ReceivedAt, string ReceivedBy);

namespace SglReference.Server;

/// <summary>The answer to an accepted submission or withdrawal (202).</summary>
/// <param name="ReportId">The report.</param>
/// <param name="Revision">Its latest accepted revision.</param>
/// <param name="Status">accepted, rendered, failed, withdrawing, withdrawn.</param>
public sealed record AcceptedResponse(string ReportId, int Revision, string Status);

/// <summary>A report with its files and deliveries.</summary>
/// <param name="ReportId">The report.</param>
/// <param name="Revision">Its latest accepted revision.</param>
/// <param name="Status">accepted, rendered, failed, withdrawing, withdrawn.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="ReceivedAt">When its first revision arrived.</param>
/// <param name="UpdatedAt">Its last change.</param>
/// <param name="Artifacts">Its files (every revision).</param>
/// <param name="Deliveries">Its messages.</param>
public sealed record ReportResponse(string ReportId, int Revision, string Status, string? Error, DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ArtifactResponse> Artifacts, IReadOnlyList<DeliveryResponse> Deliveries);

/// <summary>One file of a report; its bytes at <c>/api/v1/reports/{reportId}/artifacts/{documentId}?kind={kind}</c> (or <c>?id={id}</c>).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Revision">The revision it was rendered for.</param>
/// <param name="Kind">pdf, cda-n3, cda-n1, hl7v2-oru, ihe-xdm, mss-message.</param>
/// <param name="Audience">professional, patient, or null for the single version.</param>
/// <param name="Channel">The channel of a message.</param>
/// <param name="DocumentId">The document it is or carries.</param>
/// <param name="SetId">Its chain.</param>
/// <param name="Version">Its version.</param>
/// <param name="MediaType">Its MIME type.</param>
/// <param name="Size">Bytes.</param>
public sealed record ArtifactResponse(long Id, int Revision, string Kind, string? Audience, string? Channel, string? DocumentId, string? SetId, int? Version, string MediaType, long Size);

/// <summary>One message of a report.</summary>
/// <param name="Id">Its id (for a retry of a dead letter).</param>
/// <param name="Revision">The revision it was rendered for.</param>
/// <param name="Channel">hl7v2, mss, dmp.</param>
/// <param name="Recipient">pfi, professionals, patient, dmp.</param>
/// <param name="Kind">hl7v2-oru, mss-message...</param>
/// <param name="DocumentId">The document it carries.</param>
/// <param name="Version">That document's version.</param>
/// <param name="Sequence">Its place in the document chain.</param>
/// <param name="MessageId">What the peer knows it by (MSH-10, Message-ID, XDSSubmissionSet.uniqueId).</param>
/// <param name="Status">pending, sent, failed, dead.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="LastError">The last failure (no patient data).</param>
/// <param name="SentAt">When the peer accepted it.</param>
/// <param name="NextAttemptAt">When it is due.</param>
/// <param name="Acknowledgement">The last business acknowledgement received.</param>
public sealed record DeliveryResponse(long Id, int Revision, string Channel, string Recipient, string Kind, string DocumentId, int Version, int Sequence, string? MessageId,
    string Status, int Attempts, string? LastError, DateTimeOffset? SentAt, DateTimeOffset NextAttemptAt, string? Acknowledgement);

/// <summary>One entry of a report's audit trail.</summary>
/// <param name="At">When.</param>
/// <param name="Revision">The revision concerned.</param>
/// <param name="Event">received, replaced, rendered, refused, sent, failed, dead, retried, withdrawal-requested, withdrawn, acknowledged.</param>
/// <param name="Actor">Who (API key name, instance, pfi).</param>
/// <param name="Detail">What.</param>
public sealed record AuditResponse(DateTimeOffset At, int? Revision, string Event, string Actor, string? Detail);

/// <summary>One revision as received.</summary>
/// <param name="Revision">Its number.</param>
/// <param name="Format">json or fhir.</param>
/// <param name="ContentHash">SHA-256 of the bytes.</param>
/// <param name="ReceivedAt">When.</param>
/// <param name="ReceivedBy">Who sent it.</param>
public sealed record RevisionResponse(int Revision, string Format, string ContentHash, DateTimeOffset ReceivedAt, string ReceivedBy);

/// <summary>One error of a refused input.</summary>
/// <param name="Path">Where (JSON path of the contract, or FHIR resource and element).</param>
/// <param name="Message">The rule broken.</param>
/// <param name="Code">Stable code (SGL-...).</param>
public sealed record ProblemError(string Path, string Message, string Code);

/// <summary>An RFC 9457 problem, with every input error when there are some.</summary>
/// <param name="Type">A URI naming the kind of problem.</param>
/// <param name="Title">The kind, in words.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">This occurrence, in words.</param>
/// <param name="Errors">Every input error.</param>
public sealed record Problem(string Type, string Title, int Status, string? Detail, IReadOnlyList<ProblemError> Errors);

/// <summary>The readiness report.</summary>
/// <param name="Status">ready, degraded (a certificate expires soon) or unavailable.</param>
/// <param name="Instance">This instance.</param>
/// <param name="Store">sqlite or postgresql.</param>
/// <param name="Database">Whether the database answers.</param>
/// <param name="Backlog">Render jobs waiting.</param>
/// <param name="Deliveries">Outbox messages per channel and state.</param>
/// <param name="Certificates">Each configured certificate.</param>
public sealed record HealthResponse(string Status, string Instance, string Store, bool Database, int Backlog, IReadOnlyList<SglReference.Delivery.ChannelTally> Deliveries, IReadOnlyList<CertificateStatus> Certificates);

namespace SglReference.Dmp.Soap;

/// <summary>The XML namespaces and actions of the DMP's SOAP transactions.</summary>
public static class DmpNamespaces
{
    /// <summary>SOAP 1.2 envelope.</summary>
    public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";

    /// <summary>SOAP 1.1 envelope (refused: VersionMismatch).</summary>
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";

    /// <summary>WS-Addressing 1.0.</summary>
    public const string Addressing = "http://www.w3.org/2005/08/addressing";

    /// <summary>The anonymous reply address.</summary>
    public const string Anonymous = "http://www.w3.org/2005/08/addressing/anonymous";

    /// <summary>WS-Security 1.0 secext.</summary>
    public const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    /// <summary>SAML 2.0 assertion.</summary>
    public const string Saml = "urn:oasis:names:tc:SAML:2.0:assertion";

    /// <summary>XML Schema instance.</summary>
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>XML Schema.</summary>
    public const string Xs = "http://www.w3.org/2001/XMLSchema";

    /// <summary>HL7 v3.</summary>
    public const string Hl7v3 = "urn:hl7-org:v3";

    /// <summary>IHE XDS.b.</summary>
    public const string Xdsb = "urn:ihe:iti:xds-b:2007";

    /// <summary>XOP include.</summary>
    public const string Xop = "http://www.w3.org/2004/08/xop/include";

    /// <summary>ebRS registry services (RegistryResponse).</summary>
    public const string Rs = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";

    /// <summary>ebRS query (AdhocQueryRequest).</summary>
    public const string Query = "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0";

    /// <summary>ebRS lifecycle (SubmitObjectsRequest).</summary>
    public const string Lcm = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";

    /// <summary>ebRIM.</summary>
    public const string Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";

    /// <summary>ITI-41 action.</summary>
    public const string ProvideAndRegisterAction = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";

    /// <summary>ITI-57 action.</summary>
    public const string UpdateDocumentSetAction = "urn:ihe:iti:2010:UpdateDocumentSet";

    /// <summary>ITI-18 action.</summary>
    public const string RegistryStoredQueryAction = "urn:ihe:iti:2007:RegistryStoredQuery";

    /// <summary>TD0.2 action (HL7 v3 PRPA_IN201307UV02, test d'existence).</summary>
    public const string PatientQueryAction = "urn:hl7-org:v3:PRPA_IN201307UV02";

    /// <summary>Registry response status: success.</summary>
    public const string Success = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";

    /// <summary>Registry response status: failure.</summary>
    public const string Failure = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";

    /// <summary>Registry response status: partial success.</summary>
    public const string PartialSuccess = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:PartialSuccess";

    /// <summary>Availability status Approved.</summary>
    public const string Approved = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";

    /// <summary>Availability status Deprecated.</summary>
    public const string Deprecated = "urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated";

    /// <summary>CI-SIS availability status Archived.</summary>
    public const string Archived = "urn:asip:ci-sis:2010:StatusType:Archived";

    /// <summary>CI-SIS availability status Deleted.</summary>
    public const string Deleted = "urn:asip:ci-sis:2010:StatusType:Deleted";

    /// <summary>ITI-18 FindDocuments stored query id.</summary>
    public const string FindDocumentsQuery = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
}

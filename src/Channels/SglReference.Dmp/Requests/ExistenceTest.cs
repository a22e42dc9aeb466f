using System.Globalization;
using System.Xml;
using SglReference.Dmp.Soap;

namespace SglReference.Dmp.Requests;

/// <summary>TD0.2 « test d'existence »: an HL7 v3 PRPA_IN201307UV02 (reasonCode TEST_EXST) asking whether the patient has an open DMP.</summary>
public static class ExistenceTest
{
    /// <summary>The request.</summary>
    public static DmpHttpRequest Build(string insMatricule, string insOid, string lpsName, XmlElement assertion, Uri to, string messageId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var envelope = SoapEnvelope.Write(DmpNamespaces.PatientQueryAction, messageId, to, assertion, x =>
        {
            const string H = DmpNamespaces.Hl7v3;
            x.WriteStartElement("PRPA_IN201307UV02", H);
            x.WriteAttributeString("ITSVersion", "XML_1.0");
            Id(x, "id", "1.3.6.1.4.1.48364.1.1", messageId.Replace("urn:uuid:", string.Empty, StringComparison.Ordinal));
            x.WriteStartElement("creationTime", H);
            x.WriteAttributeString("value", now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
            x.WriteEndElement();
            Id(x, "interactionId", "2.16.840.1.113883.1.6", "PRPA_IN201307UV02");
            Code(x, "processingCode", "P");
            Code(x, "processingModeCode", "T");
            Code(x, "acceptAckCode", "AL");
            Device(x, "receiver", "RCV", "1.2.250.1.213.4.1.1.1", "DMP");
            Device(x, "sender", "SND", "1.3.6.1.4.1.48364", lpsName);
            x.WriteStartElement("controlActProcess", H);
            x.WriteAttributeString("classCode", "CACT");
            x.WriteAttributeString("moodCode", "EVN");
            x.WriteStartElement("reasonCode", H);
            x.WriteAttributeString("code", "TEST_EXST");
            x.WriteAttributeString("codeSystem", "1.2.250.1.213.1.1.4.11");
            x.WriteAttributeString("displayName", "Test d'existence de dossier");
            x.WriteEndElement();
            x.WriteStartElement("queryByParameter", H);
            Id(x, "queryId", "1.3.6.1.4.1.48364.2", messageId.Replace("urn:uuid:", string.Empty, StringComparison.Ordinal));
            Code(x, "statusCode", "new");
            x.WriteStartElement("parameterList", H);
            x.WriteStartElement("patientIdentifier", H);
            Id(x, "value", insOid, insMatricule);
            x.WriteElementString("semanticsText", H, "Patient.id");
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndElement();
        });
        return new DmpHttpRequest(SoapEnvelope.ContentType(DmpNamespaces.PatientQueryAction), envelope);
    }

    /// <summary>The DMP's state from a PRPA_IN201308UV02 answer.</summary>
    public static DmpState State(XmlDocument response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var ns = DmpRequestInfo.Namespaces(response);
        var ack = (response.SelectSingleNode("//hl7:PRPA_IN201308UV02/hl7:acknowledgement", ns) as XmlElement)?.GetAttribute("typeCode");
        var query = (response.SelectSingleNode("//hl7:queryAck/hl7:queryResponseCode", ns) as XmlElement)?.GetAttribute("code");
        var status = (response.SelectSingleNode("//hl7:registrationEvent/hl7:subject1/hl7:patient/hl7:statusCode", ns) as XmlElement)?.GetAttribute("code");
        if (ack is not "AA")
        {
            return DmpState.Unknown;
        }

        return query switch
        {
            "NF" => DmpState.NotFound,
            "OK" when status == "terminated" => DmpState.Closed,
            "OK" => DmpState.Open,
            _ => DmpState.Unknown,
        };
    }

    private static void Id(XmlWriter x, string name, string root, string extension)
    {
        x.WriteStartElement(name, DmpNamespaces.Hl7v3);
        x.WriteAttributeString("root", root);
        x.WriteAttributeString("extension", extension);
        x.WriteEndElement();
    }

    private static void Code(XmlWriter x, string name, string code)
    {
        x.WriteStartElement(name, DmpNamespaces.Hl7v3);
        x.WriteAttributeString("code", code);
        x.WriteEndElement();
    }

    private static void Device(XmlWriter x, string role, string typeCode, string id, string name)
    {
        const string H = DmpNamespaces.Hl7v3;
        x.WriteStartElement(role, H);
        x.WriteAttributeString("typeCode", typeCode);
        x.WriteStartElement("device", H);
        x.WriteAttributeString("classCode", "DEV");
        x.WriteAttributeString("determinerCode", "INSTANCE");
        x.WriteStartElement("id", H);
        x.WriteAttributeString("root", id);
        x.WriteEndElement();
        x.WriteElementString("softwareName", H, name);
        x.WriteEndElement();
        x.WriteEndElement();
    }
}

/// <summary>What TD0.2 says of the patient's DMP.</summary>
public enum DmpState
{
    /// <summary>The DMP exists and is open: it can be fed.</summary>
    Open,

    /// <summary>The patient has no DMP.</summary>
    NotFound,

    /// <summary>The DMP is closed.</summary>
    Closed,

    /// <summary>The answer could not be read.</summary>
    Unknown,
}

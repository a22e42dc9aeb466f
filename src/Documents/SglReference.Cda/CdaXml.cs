using System.Xml;
using SglReference.Domain;
using SglReference.Domain.Presentation;

namespace SglReference.Cda;

/// <summary>Writes CDA R2 elements and data types into the urn:hl7-org:v3 namespace.</summary>
internal sealed class CdaXml
{
    private readonly XmlWriter _w;

    public CdaXml(XmlWriter writer) => _w = writer;

    public XmlWriter Writer => _w;

    public void Start(string name) => _w.WriteStartElement(name, CdaConstants.Hl7);

    public void End() => _w.WriteEndElement();

    public void Attr(string name, string? value)
    {
        if (value is not null)
        {
            _w.WriteAttributeString(name, value);
        }
    }

    public void XsiType(string type) => _w.WriteAttributeString("xsi", "type", CdaConstants.Xsi, type);

    public void Empty(string name, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        Start(name);
        foreach (var (attribute, value) in attributes)
        {
            Attr(attribute, value);
        }

        End();
    }

    public void TextElement(string name, string text)
    {
        Start(name);
        _w.WriteString(text);
        End();
    }

    public void String(string text) => _w.WriteString(text);

    /// <summary>Text with its line breaks as &lt;br/&gt; (narrative).</summary>
    public void MultilineText(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                Empty("br");
            }

            _w.WriteString(lines[i]);
        }
    }

    public void TemplateId(string root, string? extension = null) => Empty("templateId", ("root", root), ("extension", extension));

    public void Id(string root, string? extension = null) => Empty("id", ("root", root), ("extension", extension));

    public void Code(string element, string code, string system, string? display, string? systemName = null) =>
        Empty(element, ("code", code), ("displayName", display), ("codeSystem", system), ("codeSystemName", systemName));

    public void Loinc(string element, CodedConcept code) => Code(element, code.Code, CodeSystems.Loinc, code.Display, "LOINC");

    public void Time(string element, DateTimeOffset value) => Empty(element, ("value", Hl7Time.Instant(value)));

    public void Date(string element, DateOnly value) => Empty(element, ("value", Hl7Time.Date(value)));

    /// <summary>An IVL_TS with only a high bound (participant time).</summary>
    public void HighTime(string element, DateTimeOffset high)
    {
        Start(element);
        XsiType("IVL_TS");
        Time("high", high);
        End();
    }

    public void Address(Address? address, string? use = null)
    {
        if (address is null || (address.Lines.IsEmpty && address.City is null && address.PostalCode is null))
        {
            Empty("addr", ("nullFlavor", "UNK"));
            return;
        }

        // The split form of the official CR-BIO headers (houseNumber, streetName, postalCode, city; CI-SIS Addr allows
        // each part once and no streetAddressLine beside them): the first line gives the number and the street, the
        // other lines one additionalLocator.
        var parts = AddressParts.Of(address);
        Start("addr");
        Attr("use", use);
        if (parts.HouseNumber is { } number)
        {
            TextElement("houseNumber", number);
        }

        if (parts.StreetName is { } street)
        {
            TextElement("streetName", street);
        }

        if (parts.AdditionalLocator is { } locator)
        {
            TextElement("additionalLocator", locator);
        }

        if (address.PostalCode is { } postalCode)
        {
            TextElement("postalCode", postalCode);
        }

        if (address.City is { } city)
        {
            TextElement("city", city);
        }

        if (address.Country is { } country)
        {
            TextElement("country", country);
        }

        End();
    }

    /// <summary>Telecoms as tel:/fax:/mailto: URLs; nullFlavor when there is none.</summary>
    public void Telecoms(IEnumerable<Telecom> telecoms, string use, string nullFlavor = "UNK", string? mssante = null)
    {
        var any = false;
        foreach (var telecom in telecoms)
        {
            var value = telecom.Kind switch
            {
                TelecomKind.Email => "mailto:" + telecom.Value.Trim(),
                TelecomKind.Fax => "fax:" + Digits(telecom.Value),
                _ => "tel:" + Digits(telecom.Value),
            };
            Empty("telecom", ("value", value), ("use", telecom.Kind == TelecomKind.Mobile ? "MC" : use));
            any = true;
        }

        if (mssante is not null)
        {
            Empty("telecom", ("value", "mailto:" + mssante), ("use", use));
            any = true;
        }

        if (!any)
        {
            Empty("telecom", ("nullFlavor", nullFlavor));
        }
    }

    /// <summary>A professional's name: title as suffix (JDV_J246), given, family.</summary>
    public void PersonName(Practitioner person)
    {
        Start("name");
        if (person.GivenName is { } given)
        {
            TextElement("given", given);
        }

        TextElement("family", person.FamilyName);
        if (person.Title is { } title)
        {
            TextElement("suffix", title);
        }

        End();
    }

    /// <summary>The national professional id (IDNPS), or a nullFlavor when the professional has no RPPS.</summary>
    public void ProfessionalId(Practitioner person)
    {
        if (person.Idnps is { } idnps)
        {
            Id(CodeSystems.NationalProfessionalId, idnps);
        }
        else
        {
            Empty("id", ("nullFlavor", "UNK"));
        }
    }

    /// <summary>The profession/specialty code (JDV_J01), with a default.</summary>
    public void Profession(Practitioner person, string? defaultCode = null, string? defaultDisplay = null)
    {
        if (person.Profession is { } profession)
        {
            Code("code", profession.Code, profession.System, profession.Display);
        }
        else if (defaultCode is not null)
        {
            Code("code", defaultCode, CodeSystems.AuthorSpecialty, defaultDisplay);
        }
    }

    /// <summary>
    /// An organization identified by its national structure id ("1" + FINESS), with its practice setting when known;
    /// <paramref name="settingRequired"/> writes nullFlavor UNK when it is not (FR-Laboratoire-executant requires the element).
    /// </summary>
    public void Organization(string element, Organization organization, PracticeSetting? setting, string? accreditation = null, bool settingRequired = false)
    {
        Start(element);
        if (organization.Finess is { } finess)
        {
            Id(CodeSystems.NationalStructureId, "1" + finess);
        }
        else
        {
            Empty("id", ("nullFlavor", "UNK"));
        }

        if (accreditation is not null)
        {
            Empty("id", ("root", CodeSystems.Cofrac), ("extension", accreditation), ("assigningAuthorityName", "COFRAC"));
        }

        TextElement("name", organization.Name);
        Telecoms(organization.Telecoms, "WP");
        Address(organization.Address);
        if (setting is not null || settingRequired)
        {
            PracticeSettingCode("standardIndustryClassCode", setting);
        }

        End();
    }

    /// <summary>Bytes as base64 text, without copying them when they are an array already.</summary>
    public void Base64(ReadOnlyMemory<byte> bytes)
    {
        var segment = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var array) ? array : new ArraySegment<byte>(bytes.ToArray());
        Writer.WriteBase64(segment.Array!, segment.Offset, segment.Count);
    }

    /// <summary>The practice setting of an organization, or nullFlavor UNK when the report does not say it.</summary>
    public void PracticeSettingCode(string element, PracticeSetting? setting)
    {
        if (setting is { } known)
        {
            PracticeSettingCode(element, known);
        }
        else
        {
            Empty(element, ("nullFlavor", "UNK"));
        }
    }

    public void PracticeSettingCode(string element, PracticeSetting setting) =>
        Code(element, setting == PracticeSetting.Hospital ? "ETABLISSEMENT" : "AMBULATOIRE", CdaConstants.PracticeSettingSystem,
            setting == PracticeSetting.Hospital ? "Etablissement de santé" : "Ambulatoire");

    private static string Digits(string phone)
    {
        Span<char> buffer = stackalloc char[phone.Length];
        var n = 0;
        foreach (var c in phone)
        {
            if (char.IsAsciiDigit(c) || (c == '+' && n == 0))
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SglReference.Domain.Documents;

/// <summary>
/// Identifiers derived from a name (SHA-256 of its UTF-8 bytes), so that the same input always gives the same id:
/// document and set ids, message control ids, submission set OIDs, section and entry UUIDs, PDF file ids.
/// </summary>
public static class DerivedIds
{
    /// <summary>The first 64 bits of the hash, in decimal (at most 20 digits): an OID arc or an HL7 control id.</summary>
    public static string Number(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), digest);
        return BinaryPrimitives.ReadUInt64BigEndian(digest).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A name-based UUID: the first 128 bits of the hash with the RFC 4122 version-5 and variant bits.</summary>
    public static Guid Uuid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), digest);
        digest[6] = (byte)((digest[6] & 0x0F) | 0x50);
        digest[8] = (byte)((digest[8] & 0x3F) | 0x80);
        return new Guid(digest[..16], bigEndian: true);
    }
}

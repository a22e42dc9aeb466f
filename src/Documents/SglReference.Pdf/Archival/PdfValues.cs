using System.Globalization;
using System.Text;

namespace SglReference.Pdf.Archival;

/// <summary>A PDF object as read from a file (ISO 32000-1 §7.3), written back as it was unless changed.</summary>
internal abstract class PdfValue;

/// <summary>A number, boolean, null or string, kept byte for byte as the producer wrote it.</summary>
internal sealed class PdfAtom(byte[] raw) : PdfValue
{
    public byte[] Raw { get; } = raw;

    public static PdfAtom Integer(long value) => new(Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture)));

    public bool TryInteger(out long value) =>
        long.TryParse(Encoding.ASCII.GetString(Raw), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public bool TryNumber(out double value) =>
        double.TryParse(Encoding.ASCII.GetString(Raw), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public override string ToString() => Encoding.Latin1.GetString(Raw);
}

/// <summary>A name, kept as written, with its solidus ("/Font").</summary>
internal sealed class PdfName(string raw) : PdfValue
{
    public string Raw { get; } = raw;

    public override string ToString() => Raw;
}

/// <summary>An array.</summary>
internal sealed class PdfArray(List<PdfValue> items) : PdfValue
{
    public List<PdfValue> Items { get; } = items;
}

/// <summary>An indirect reference "n g R".</summary>
internal sealed class PdfReference(int number, int generation) : PdfValue
{
    public int Number { get; } = number;

    public int Generation { get; } = generation;
}

/// <summary>A dictionary whose entries keep the producer's order.</summary>
internal sealed class PdfDictionary(List<KeyValuePair<string, PdfValue>> entries) : PdfValue
{
    public List<KeyValuePair<string, PdfValue>> Entries { get; } = entries;

    public PdfValue? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }

        set
        {
            var at = Entries.FindIndex(e => e.Key == key);
            if (value is null)
            {
                if (at >= 0)
                {
                    Entries.RemoveAt(at);
                }
            }
            else if (at >= 0)
            {
                Entries[at] = new(key, value);
            }
            else
            {
                Entries.Add(new(key, value));
            }
        }
    }

    /// <summary>The name under <paramref name="key"/> ("/FlateDecode"), or null.</summary>
    public string? Name(string key) => this[key] is PdfName name ? name.Raw : null;
}

/// <summary>An indirect object: its value and, for a stream, its data as stored (still encoded by its filters).</summary>
internal sealed class PdfIndirectObject(int number, int generation, PdfValue value, byte[]? stream)
{
    public int Number { get; } = number;

    public int Generation { get; } = generation;

    public PdfValue Value { get; set; } = value;

    public byte[]? Stream { get; set; } = stream;

    public PdfDictionary? Dictionary => Value as PdfDictionary;
}

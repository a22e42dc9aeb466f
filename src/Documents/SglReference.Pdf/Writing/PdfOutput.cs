using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace SglReference.Pdf.Writing;

/// <summary>
/// A growing byte buffer that writes PDF tokens (ISO 32000-1 §7.3): ASCII, integers, reals with at most three decimals,
/// names, literal and hexadecimal strings. Its storage comes from the shared array pool and goes back on
/// <see cref="Dispose"/>.
/// </summary>
internal sealed class PdfOutput : IDisposable
{
    /// <summary>
    /// This type's own pool: the shared pool trims itself after every gen2 collection, on the finalizer thread, and
    /// under the burst's large-buffer churn that trimming cost more CPU than the buffers saved.
    /// </summary>
    private static readonly ArrayPool<byte> s_pool = ArrayPool<byte>.Create(maxArrayLength: 16 * 1024 * 1024, maxArraysPerBucket: 16);

    private byte[] _buffer;
    private int _length;

    public PdfOutput(int capacity) => _buffer = s_pool.Rent(capacity);

    public int Length => _length;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public PdfOutput Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
        return this;
    }

    /// <summary>ASCII text (PDF syntax written by this module; never report text).</summary>
    public PdfOutput Ascii(string text)
    {
        var target = Reserve(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            target[i] = (byte)text[i];
        }

        _length += text.Length;
        return this;
    }

    public PdfOutput Byte(byte value)
    {
        Reserve(1)[0] = value;
        _length++;
        return this;
    }

    public PdfOutput Integer(long value)
    {
        Utf8Formatter.TryFormat(value, Reserve(20), out var written);
        _length += written;
        return this;
    }

    /// <summary>A real rounded to three decimals, without exponent or trailing zeros (ISO 32000-1 §7.3.3).</summary>
    public PdfOutput Number(double value)
    {
        var thousandths = (long)Math.Round(value * 1000, MidpointRounding.AwayFromZero);
        if (thousandths < 0)
        {
            Byte((byte)'-');
            thousandths = -thousandths;
        }

        Integer(thousandths / 1000);
        var fraction = (int)(thousandths % 1000);
        if (fraction != 0)
        {
            Byte((byte)'.');
            var digits = fraction % 10 != 0 ? 3 : fraction % 100 != 0 ? 2 : 1;
            var divisor = 100;
            for (var i = 0; i < digits; i++)
            {
                Byte((byte)('0' + ((fraction / divisor) % 10)));
                divisor /= 10;
            }
        }

        return this;
    }

    public PdfOutput Reference(int number) => Integer(number).Ascii(" 0 R");

    /// <summary>
    /// A text string (ISO 32000-1 §7.9.2.2): a literal string when <paramref name="text"/> is printable ASCII, else
    /// UTF-16BE with its byte order mark, in hexadecimal.
    /// </summary>
    public PdfOutput TextString(string text)
    {
        var ascii = true;
        foreach (var c in text)
        {
            if (c < 0x20 || c > 0x7E)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            Byte((byte)'(');
            foreach (var c in text)
            {
                if (c is '(' or ')' or '\\')
                {
                    Byte((byte)'\\');
                }

                Byte((byte)c);
            }

            return Byte((byte)')');
        }

        Ascii("<FEFF");
        foreach (var c in text)
        {
            Hex16(c);
        }

        return Byte((byte)'>');
    }

    /// <summary>Four uppercase hexadecimal digits.</summary>
    public PdfOutput Hex16(int value)
    {
        var target = Reserve(4);
        for (var i = 0; i < 4; i++)
        {
            var nibble = (value >> (12 - (4 * i))) & 0xF;
            target[i] = (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
        }

        _length += 4;
        return this;
    }

    /// <summary>UTF-8 text (XMP packets).</summary>
    public PdfOutput Utf8(ReadOnlySpan<char> text)
    {
        var target = Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, target);
        return this;
    }

    /// <summary>XML character data or attribute value, escaped, in UTF-8.</summary>
    public PdfOutput XmlText(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var escape = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => null,
            };
            if (escape is not null)
            {
                Utf8(text.AsSpan(start, i - start)).Ascii(escape);
                start = i + 1;
            }
        }

        return Utf8(text.AsSpan(start));
    }

    public Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            var larger = s_pool.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            s_pool.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(_length, count);
    }

    public void Advance(int count) => _length += count;

    public void Dispose()
    {
        s_pool.Return(_buffer);
        _buffer = [];
        _length = 0;
    }
}

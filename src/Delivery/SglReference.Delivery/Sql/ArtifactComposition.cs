using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using SglReference.Channels;

namespace SglReference.Delivery.Sql;

/// <summary>
/// How a channel message is stored without the documents it carries: the ORU carries the N3 in base64, the MSSanté
/// message the XDM archive and the PDF in base64 lines, the DMP request the CDAs as they are — about half of a
/// package's bytes, written a second time. A message is stored as its own bytes only (the literal) and a recipe that
/// puts the documents back: <c>L958,b12,L1889</c> is 958 literal bytes, artifact 12 in base64, then 1,889 literal bytes.
/// A document is taken out of a message only where its whole encoding was found there and compared byte for byte, so
/// <see cref="Expand"/> gives back exactly the bytes rendered.
/// </summary>
/// <remarks>
/// Encodings: <c>r</c> the bytes as they are; <c>b</c> base64 (RFC 4648, padded, no line breaks); <c>m</c> base64 in
/// lines of 76 characters each ending with CRLF, the last one too (what MIME writes).
/// </remarks>
internal static class ArtifactComposition
{
    /// <summary>Documents shorter than this stay in their messages: the recipe would save little.</summary>
    internal const int MinimumSource = 4096;

    private const int KeyLength = 16;

    /// <summary>One piece of a message: literal bytes, or a source (by its index among the sources given) in an encoding.</summary>
    internal readonly record struct Segment(char Encoding, int Source, int Start, int Length);

    /// <summary>
    /// The segments of <paramref name="message"/> once every source found in it (in any encoding) is taken out, in
    /// order; null when none is. A file is looked for where a line or an HL7 component begins (after a line feed or a
    /// <c>^</c>: MIME and MTOM parts begin after a blank line, the ORU's ED data after its last component separator),
    /// by its first <see cref="KeyLength"/> bytes, then compared whole; one pass over the message, the found files
    /// skipped.
    /// </summary>
    public static IReadOnlyList<Segment>? Find(ReadOnlySpan<byte> message, IReadOnlyList<ReadOnlyMemory<byte>> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var starts = Starts(sources);
        if (starts.Count == 0)
        {
            return null;
        }

        List<Segment>? segments = null;
        var literalStart = 0;
        var position = 0;
        while (position <= message.Length - KeyLength)
        {
            var next = message[position..].IndexOfAny((byte)'\n', (byte)'^');
            if (next < 0)
            {
                break;
            }

            var at = position + next + 1;
            position = at;
            if (at > message.Length - KeyLength || !starts.TryGetValue(Key(message[at..]), out var candidates))
            {
                continue;
            }

            foreach (var (source, base64) in candidates)
            {
                var bytes = sources[source].Span;
                var encoding = !base64 ? 'r' : message.Length > at + Base64Lines.LineLength && message[at + Base64Lines.LineLength] == (byte)'\r' ? 'm' : 'b';
                var length = EncodedLength(encoding, bytes.Length);
                if (message.Length - at < length || !Matches(message.Slice(at, length), bytes, encoding))
                {
                    continue;
                }

                segments ??= [];
                if (at > literalStart)
                {
                    segments.Add(new Segment('L', -1, literalStart, at - literalStart));
                }

                segments.Add(new Segment(encoding, source, at, length));
                literalStart = position = at + length;
                break;
            }
        }

        if (segments is null)
        {
            return null;
        }

        if (literalStart < message.Length)
        {
            segments.Add(new Segment('L', -1, literalStart, message.Length - literalStart));
        }

        return segments;
    }

    /// <summary>The first <see cref="KeyLength"/> bytes of each source as it is and in base64 → (source, whether in base64).</summary>
    private static Dictionary<UInt128, List<(int Source, bool Base64)>> Starts(IReadOnlyList<ReadOnlyMemory<byte>> sources)
    {
        var starts = new Dictionary<UInt128, List<(int, bool)>>();
        Span<byte> line = stackalloc byte[Base64Lines.LineLength];
        for (var s = 0; s < sources.Count; s++)
        {
            var source = sources[s].Span;
            if (source.Length < MinimumSource)
            {
                continue;
            }

            Base64.EncodeToUtf8(source[..Base64Lines.BytesPerLine], line, out _, out _);
            foreach (var (key, base64) in new[] { (Key(source), false), (Key(line), true) })
            {
                if (!starts.TryGetValue(key, out var list))
                {
                    starts[key] = list = [];
                }

                list.Add((s, base64));
            }
        }

        return starts;
    }

    private static UInt128 Key(ReadOnlySpan<byte> bytes) => System.Runtime.InteropServices.MemoryMarshal.Read<UInt128>(bytes);

    /// <summary>The literal bytes of <paramref name="message"/> (what <paramref name="segments"/> do not take from sources).</summary>
    public static byte[] Literal(ReadOnlySpan<byte> message, IReadOnlyList<Segment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var literal = new byte[segments.Where(s => s.Encoding == 'L').Sum(s => s.Length)];
        var written = 0;
        foreach (var s in segments.Where(s => s.Encoding == 'L'))
        {
            message.Slice(s.Start, s.Length).CopyTo(literal.AsSpan(written));
            written += s.Length;
        }

        return literal;
    }

    /// <summary>The recipe of <paramref name="segments"/>, naming each source by <paramref name="ids"/>[its index].</summary>
    public static string Recipe(IReadOnlyList<Segment> segments, IReadOnlyList<long> ids)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(ids);
        var recipe = new StringBuilder(segments.Count * 8);
        foreach (var s in segments)
        {
            if (recipe.Length > 0)
            {
                recipe.Append(',');
            }

            recipe.Append(s.Encoding).Append(s.Encoding == 'L' ? s.Length : ids[s.Source]);
        }

        return recipe.ToString();
    }

    /// <summary>The artifacts a recipe takes documents from.</summary>
    public static IReadOnlyList<long> Sources(string recipe) =>
        Parse(recipe).Where(p => p.Encoding != 'L').Select(p => p.Value).Distinct().ToList();

    /// <summary>
    /// The message a recipe and its literal make, <paramref name="size"/> bytes long, the sources read from
    /// <paramref name="sources"/>; <see cref="InvalidDataException"/> when they do not add up (a source missing, the
    /// literal or the size wrong).
    /// </summary>
    public static byte[] Expand(ReadOnlySpan<byte> literal, string recipe, long size, IReadOnlyDictionary<long, ReadOnlyMemory<byte>> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var message = new byte[checked((int)size)];
        var written = 0;
        var taken = 0;
        foreach (var (encoding, value) in Parse(recipe))
        {
            if (encoding == 'L')
            {
                if (value > literal.Length - taken || value > message.Length - written)
                {
                    throw new InvalidDataException($"recipe '{recipe}': more literal bytes than stored");
                }

                literal.Slice(taken, (int)value).CopyTo(message.AsSpan(written));
                taken += (int)value;
                written += (int)value;
                continue;
            }

            if (!sources.TryGetValue(value, out var source))
            {
                throw new InvalidDataException($"recipe '{recipe}': artifact {value.ToString(CultureInfo.InvariantCulture)} is missing");
            }

            var length = EncodedLength(encoding, source.Length);
            if (length > message.Length - written)
            {
                throw new InvalidDataException($"recipe '{recipe}': longer than the {size.ToString(CultureInfo.InvariantCulture)} bytes stored");
            }

            Encode(encoding, source.Span, message.AsSpan(written, length));
            written += length;
        }

        if (written != message.Length || taken != literal.Length)
        {
            throw new InvalidDataException($"recipe '{recipe}': makes {written.ToString(CultureInfo.InvariantCulture)} bytes of {size.ToString(CultureInfo.InvariantCulture)}, takes {taken.ToString(CultureInfo.InvariantCulture)} literal bytes of {literal.Length.ToString(CultureInfo.InvariantCulture)}");
        }

        return message;
    }

    private static List<(char Encoding, long Value)> Parse(string recipe)
    {
        ArgumentException.ThrowIfNullOrEmpty(recipe);
        var parts = new List<(char, long)>();
        foreach (var part in recipe.Split(','))
        {
            if (part.Length < 2 || part[0] is not ('L' or 'r' or 'b' or 'm')
                || !long.TryParse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new InvalidDataException($"recipe '{recipe}': '{part}' is not a segment");
            }

            parts.Add((part[0], value));
        }

        return parts;
    }

    /// <summary>The length of <paramref name="bytes"/> bytes in <paramref name="encoding"/>.</summary>
    private static int EncodedLength(char encoding, int bytes) => encoding switch
    {
        'r' => bytes,
        'b' => Base64.GetMaxEncodedToUtf8Length(bytes),
        _ => Base64Lines.Length(bytes, 2),
    };

    /// <summary>Writes <paramref name="source"/> in <paramref name="encoding"/> into <paramref name="target"/>, exactly <see cref="EncodedLength"/> long.</summary>
    private static void Encode(char encoding, ReadOnlySpan<byte> source, Span<byte> target)
    {
        switch (encoding)
        {
            case 'r':
                source.CopyTo(target);
                break;
            case 'b':
                Base64.EncodeToUtf8(source, target, out _, out _);
                break;
            default:
                Base64Lines.Encode(source, target, "\r\n"u8);
                break;
        }
    }

    /// <summary>Whether <paramref name="text"/> is <paramref name="source"/> in <paramref name="encoding"/>.</summary>
    private static bool Matches(ReadOnlySpan<byte> text, ReadOnlySpan<byte> source, char encoding)
    {
        if (encoding == 'r')
        {
            return text.SequenceEqual(source);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(text.Length);
        try
        {
            var encoded = buffer.AsSpan(0, text.Length);
            Encode(encoding, source, encoded);
            return encoded.SequenceEqual(text);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

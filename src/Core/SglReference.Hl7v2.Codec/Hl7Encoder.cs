using System.Text;

namespace SglReference.Hl7v2.Codec;

/// <summary>Writes messages in the HL7 v2 wire form: delimiters, escaping, CR segment terminators, MSH-18 charset.</summary>
public static class Hl7Encoder
{
    /// <summary>The message as text, each segment ended by a carriage return.</summary>
    public static string EncodeText(Hl7Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Build(message).ToString();
    }

    /// <summary>
    /// The message bytes in the charset MSH-18 declares, encoded straight from the text's chunks (no intermediate
    /// string: an ORU carrying a CDA is hundreds of kilobytes).
    /// </summary>
    public static byte[] Encode(Hl7Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = Build(message);
        var encoder = Hl7Charset.For(message.Header.Value(18)).GetEncoder();
        var count = 0;
        foreach (var chunk in text.GetChunks())
        {
            count += encoder.GetByteCount(chunk.Span, flush: false);
        }

        count += encoder.GetByteCount([], flush: true);
        encoder.Reset();
        var bytes = new byte[count];
        var at = 0;
        foreach (var chunk in text.GetChunks())
        {
            at += encoder.GetBytes(chunk.Span, bytes.AsSpan(at), flush: false);
        }

        encoder.GetBytes([], bytes.AsSpan(at), flush: true);
        return bytes;
    }

    private static StringBuilder Build(Hl7Message message)
    {
        var builder = new StringBuilder(4096);
        foreach (var segment in message.Segments)
        {
            AppendSegment(builder, segment, message.Delimiters);
            builder.Append('\r');
        }

        return builder;
    }

    /// <summary>One segment as text, without terminator.</summary>
    public static string EncodeSegment(Hl7Segment segment, Hl7Delimiters delimiters)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var builder = new StringBuilder();
        AppendSegment(builder, segment, delimiters);
        return builder.ToString();
    }

    private static void AppendSegment(StringBuilder builder, Hl7Segment segment, Hl7Delimiters d)
    {
        builder.Append(segment.Name);
        var isHeader = segment.Name == "MSH";
        var first = 1;
        if (isHeader)
        {
            builder.Append(d.Field).Append(d.EncodingCharacters);
            first = 3;
        }

        var last = segment.FieldCount;
        while (last >= first && segment[last].IsEmpty)
        {
            last--;
        }

        for (var position = first; position <= last; position++)
        {
            builder.Append(d.Field);
            AppendField(builder, segment[position], d);
        }
    }

    private static void AppendField(StringBuilder builder, Hl7Field field, Hl7Delimiters d)
    {
        for (var r = 0; r < field.Repetitions.Count; r++)
        {
            if (r > 0)
            {
                builder.Append(d.Repetition);
            }

            var components = field.Repetitions[r].Components;
            var lastComponent = components.Count - 1;
            while (lastComponent > 0 && components[lastComponent].IsEmpty)
            {
                lastComponent--;
            }

            for (var c = 0; c <= lastComponent; c++)
            {
                if (c > 0)
                {
                    builder.Append(d.Component);
                }

                var subcomponents = components[c].Subcomponents;
                var lastSub = subcomponents.Count - 1;
                while (lastSub > 0 && subcomponents[lastSub].Length == 0)
                {
                    lastSub--;
                }

                for (var s = 0; s <= lastSub; s++)
                {
                    if (s > 0)
                    {
                        builder.Append(d.Subcomponent);
                    }

                    builder.Append(Hl7Escaping.Escape(subcomponents[s], d));
                }
            }
        }
    }
}

namespace SglReference.Hl7v2.Codec;

/// <summary>A parsed or built HL7 v2 message: its segments in order.</summary>
public sealed class Hl7Message
{
    /// <summary>Creates a message from its segments (the first is MSH).</summary>
    public Hl7Message(IReadOnlyList<Hl7Segment> segments, Hl7Delimiters delimiters)
    {
        Segments = segments;
        Delimiters = delimiters;
    }

    /// <summary>The segments.</summary>
    public IReadOnlyList<Hl7Segment> Segments { get; }

    /// <summary>The delimiters.</summary>
    public Hl7Delimiters Delimiters { get; }

    /// <summary>The MSH segment.</summary>
    public Hl7Segment Header => Segments.Count > 0 && Segments[0].Name == "MSH" ? Segments[0] : throw new InvalidOperationException("the message does not start with MSH");

    /// <summary>MSH-9 as "ORU^R01^ORU_R01".</summary>
    public string MessageType => string.Join('^', new[] { Header.Value(9, 1), Header.Value(9, 2), Header.Value(9, 3) }.Where(s => s.Length > 0));

    /// <summary>MSH-10.</summary>
    public string ControlId => Header.Value(10);

    /// <summary>MSH-12 version id.</summary>
    public string Version => Header.Value(12);

    /// <summary>The segments named <paramref name="name"/>.</summary>
    public IEnumerable<Hl7Segment> All(string name) => Segments.Where(s => s.Name == name);

    /// <summary>The first segment named <paramref name="name"/>, or null.</summary>
    public Hl7Segment? First(string name) => Segments.FirstOrDefault(s => s.Name == name);
}

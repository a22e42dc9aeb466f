namespace SglReference.Hl7v2.Codec;

/// <summary>
/// A segment: its name and its fields, each field a list of repetitions, each repetition a list of components, each
/// component a list of subcomponents (plain, unescaped text). Built by the typed builders, produced by the parser.
/// Field numbers are HL7 positions (for MSH, MSH-1 is the field separator and MSH-2 the encoding characters).
/// </summary>
public sealed class Hl7Segment
{
    private readonly List<Hl7Field?> _fields = [];

    /// <summary>Creates an empty segment.</summary>
    public Hl7Segment(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length != 3)
        {
            throw new ArgumentException("an HL7 segment name has three characters", nameof(name));
        }

        Name = name;
    }

    /// <summary>Segment id (MSH, PID, OBX...).</summary>
    public string Name { get; }

    /// <summary>The highest field number set.</summary>
    public int FieldCount => _fields.Count;

    /// <summary>The field at an HL7 position (1-based); an empty field when absent.</summary>
    public Hl7Field this[int position] => position >= 1 && position <= _fields.Count && _fields[position - 1] is { } f ? f : Hl7Field.Empty;

    /// <summary>Sets the field at <paramref name="position"/>.</summary>
    public Hl7Segment Set(int position, Hl7Field field)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        while (_fields.Count < position)
        {
            _fields.Add(null);
        }

        _fields[position - 1] = field;
        return this;
    }

    /// <summary>Sets a field made of one plain value.</summary>
    public Hl7Segment Set(int position, string? value) => value is null ? this : Set(position, Hl7Field.Of(value));

    /// <summary>The value at position, component and subcomponent (1-based), in the first or given repetition.</summary>
    public string Value(int position, int component = 1, int subcomponent = 1, int repetition = 1) =>
        this[position].Value(component, subcomponent, repetition);

    /// <inheritdoc />
    public override string ToString() => Hl7Encoder.EncodeSegment(this, Hl7Delimiters.Standard);
}

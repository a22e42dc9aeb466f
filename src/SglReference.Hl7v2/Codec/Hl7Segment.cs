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

/// <summary>One field: its repetitions.</summary>
public sealed class Hl7Field
{
    /// <summary>Creates a field from its repetitions.</summary>
    public Hl7Field(IReadOnlyList<Hl7Repetition> repetitions) => Repetitions = repetitions;

    /// <summary>The empty field.</summary>
    public static Hl7Field Empty { get; } = new([]);

    /// <summary>The repetitions (one for a non-repeating field).</summary>
    public IReadOnlyList<Hl7Repetition> Repetitions { get; }

    /// <summary>True when nothing is in the field.</summary>
    public bool IsEmpty => Repetitions.All(r => r.IsEmpty);

    /// <summary>A field of one repetition whose components are <paramref name="components"/> (null = empty).</summary>
    public static Hl7Field Of(params string?[] components) => new([Hl7Repetition.Of(components)]);

    /// <summary>A repeating field.</summary>
    public static Hl7Field Repeat(params Hl7Repetition[] repetitions) => new(repetitions);

    /// <summary>A field of one repetition with explicit components (to hold subcomponents).</summary>
    public static Hl7Field Composite(params Hl7Component[] components) => new([new Hl7Repetition(components)]);

    /// <summary>The value at component and subcomponent (1-based) of a repetition; empty when absent.</summary>
    public string Value(int component = 1, int subcomponent = 1, int repetition = 1)
    {
        if (repetition < 1 || repetition > Repetitions.Count)
        {
            return string.Empty;
        }

        var rep = Repetitions[repetition - 1];
        if (component < 1 || component > rep.Components.Count)
        {
            return string.Empty;
        }

        var comp = rep.Components[component - 1];
        return subcomponent >= 1 && subcomponent <= comp.Subcomponents.Count ? comp.Subcomponents[subcomponent - 1] : string.Empty;
    }
}

/// <summary>One repetition of a field: its components.</summary>
/// <param name="Components">The components.</param>
public sealed record Hl7Repetition(IReadOnlyList<Hl7Component> Components)
{
    /// <summary>True when every component is empty.</summary>
    public bool IsEmpty => Components.All(c => c.IsEmpty);

    /// <summary>A repetition of plain components (null = empty).</summary>
    public static Hl7Repetition Of(params string?[] components) =>
        new(components.Select(c => Hl7Component.Of(c ?? string.Empty)).ToList());

    /// <summary>A repetition of explicit components.</summary>
    public static Hl7Repetition Composite(params Hl7Component[] components) => new(components);
}

/// <summary>One component: its subcomponents.</summary>
/// <param name="Subcomponents">The subcomponents.</param>
public sealed record Hl7Component(IReadOnlyList<string> Subcomponents)
{
    /// <summary>True when every subcomponent is empty.</summary>
    public bool IsEmpty => Subcomponents.All(s => s.Length == 0);

    /// <summary>A component holding one value.</summary>
    public static Hl7Component Of(string value) => new([value]);

    /// <summary>A component made of subcomponents (HD, CE inside CX...).</summary>
    public static Hl7Component Sub(params string?[] subcomponents) => new(subcomponents.Select(s => s ?? string.Empty).ToList());

    /// <summary>An empty component.</summary>
    public static Hl7Component Empty { get; } = new([string.Empty]);
}

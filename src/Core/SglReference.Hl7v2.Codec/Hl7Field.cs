namespace SglReference.Hl7v2.Codec;

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

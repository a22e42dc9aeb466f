namespace SglReference.Hl7v2.Codec;

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

namespace SglReference.Hl7v2.Codec;

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

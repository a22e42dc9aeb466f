namespace SglReference.Hl7v2.Codec;

/// <summary>The separators of an HL7 v2 message (MSH-1 and MSH-2).</summary>
/// <param name="Field">Field separator, '|'.</param>
/// <param name="Component">Component separator, '^'.</param>
/// <param name="Repetition">Repetition separator, '~'.</param>
/// <param name="Escape">Escape character, '\'.</param>
/// <param name="Subcomponent">Subcomponent separator, '&amp;'.</param>
public readonly record struct Hl7Delimiters(char Field, char Component, char Repetition, char Escape, char Subcomponent)
{
    /// <summary>The standard delimiters |^~\&amp;.</summary>
    public static Hl7Delimiters Standard { get; } = new('|', '^', '~', '\\', '&');

    /// <summary>MSH-2: the encoding characters.</summary>
    public string EncodingCharacters => new([Component, Repetition, Escape, Subcomponent]);
}

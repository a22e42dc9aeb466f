namespace SglReference.Pdf.Layout;

/// <summary>The logical role of a block, for tagged PDF (PDF/A-1a) and reading order.</summary>
public enum StructureRole
{
    /// <summary>Page furniture: running headers, footers, rules, backgrounds.</summary>
    Artifact,
    /// <summary>The document title.</summary>
    Title,
    /// <summary>A chapter (specialty) heading.</summary>
    Heading,
    /// <summary>A battery heading.</summary>
    Subheading,
    /// <summary>Running text: identity blocks, comments, signature.</summary>
    Paragraph,
    /// <summary>The column header row of a result table.</summary>
    TableHeaderRow,
    /// <summary>A row of a result table; each text item is a cell.</summary>
    TableRow,
}

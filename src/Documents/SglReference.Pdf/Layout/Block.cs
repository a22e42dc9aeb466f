namespace SglReference.Pdf.Layout;

/// <summary>
/// A unit of the page flow: a fixed height, drawn at a given top. Pagination never cuts a block; it keeps a block on
/// the page of the next one when <see cref="KeepWithNext"/> is set (headings with their first row, a row with its
/// first comment lines).
/// </summary>
internal sealed class Block
{
    public Block(StructureRole role, double height, Func<double, IReadOnlyList<LayoutItem>> draw)
    {
        Role = role;
        Height = height;
        Draw = draw;
    }

    public StructureRole Role { get; }

    public double Height { get; }

    /// <summary>Draws the block with its top at the given y.</summary>
    public Func<double, IReadOnlyList<LayoutItem>> Draw { get; }

    public bool KeepWithNext { get; init; }

    /// <summary>For table content: the chapter whose heading and column header are repeated on a new page.</summary>
    public string? Chapter { get; init; }

    /// <summary>For rows: the battery whose title is repeated on a new page.</summary>
    public string? Battery { get; init; }

    /// <summary>For rows: the column header to repeat (results or antibiogram).</summary>
    public Func<Block>? ColumnHeader { get; init; }

    /// <summary>True for the blocks that start a chapter or a battery (they need no repetition).</summary>
    public bool StartsSection { get; init; }
}

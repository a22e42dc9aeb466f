using SglReference.Pdf.Layout;

namespace SglReference.Pdf.Writing;

/// <summary>
/// Writes layout items as content stream operators (ISO 32000-1 §8, §9), flipping the layout's top-down y axis and
/// keeping the graphics state (fill and stroke colour, line width, font and size) so that unchanged values are not
/// repeated. Consecutive text items share one text object.
/// </summary>
internal sealed class DrawingState
{
    private readonly PdfOutput _content;
    private readonly double _pageHeight;
    private readonly EmbeddedFont[] _fonts;
    private Rgb? _fill;
    private Rgb? _stroke;
    private double _lineWidth = -1;
    private EmbeddedFont? _font;
    private double _size = -1;
    private bool _inText;

    public DrawingState(PdfOutput content, double pageHeight, EmbeddedFont[] fonts)
    {
        _content = content;
        _pageHeight = pageHeight;
        _fonts = fonts;
    }

    public void BeginMarked(string tag, int mcid) =>
        _content.Byte((byte)'/').Ascii(tag).Ascii("<</MCID ").Integer(mcid).Ascii(">>BDC\n");

    public void EndMarked()
    {
        EndText();
        _content.Ascii("EMC\n");
    }

    public void EndText()
    {
        if (_inText)
        {
            _content.Ascii("ET\n");
            _inText = false;
        }
    }

    public void Draw(LayoutItem item)
    {
        switch (item)
        {
            case TextItem text:
                DrawText(text);
                break;
            case LineItem line:
                EndText();
                Stroke(line.Color, line.Width);
                _content.Number(line.X1).Byte((byte)' ').Number(_pageHeight - line.Y1).Ascii(" m ")
                    .Number(line.X2).Byte((byte)' ').Number(_pageHeight - line.Y2).Ascii(" l S\n");
                break;
            case RectItem rect:
                EndText();
                if (rect.Fill is { } fill)
                {
                    Fill(fill);
                }

                if (rect.Stroke is { } stroke)
                {
                    Stroke(stroke, rect.StrokeWidth);
                }

                _content.Number(rect.X).Byte((byte)' ').Number(_pageHeight - rect.Y - rect.Height).Byte((byte)' ')
                    .Number(rect.Width).Byte((byte)' ').Number(rect.Height).Ascii(" re ")
                    .Ascii(rect.Fill is not null && rect.Stroke is not null ? "B\n" : rect.Fill is not null ? "f\n" : rect.Stroke is not null ? "S\n" : "n\n");
                break;
        }
    }

    private void DrawText(TextItem text)
    {
        if (!_inText)
        {
            _content.Ascii("BT\n");
            _inText = true;
        }

        Fill(text.Color);
        var font = _fonts[(int)text.Face];
        if (!ReferenceEquals(font, _font) || text.Size != _size)
        {
            _content.Byte((byte)'/').Ascii(font.ResourceName).Byte((byte)' ').Number(text.Size).Ascii(" Tf\n");
            _font = font;
            _size = text.Size;
        }

        _content.Ascii("1 0 0 1 ").Number(text.X).Byte((byte)' ').Number(_pageHeight - text.Baseline).Ascii(" Tm ");
        font.WriteShown(_content, text.Text);
        _content.Ascii("Tj\n");
    }

    private void Fill(Rgb color)
    {
        if (_fill != color)
        {
            Color(color).Ascii(" rg\n");
            _fill = color;
        }
    }

    private void Stroke(Rgb color, double width)
    {
        if (_stroke != color)
        {
            Color(color).Ascii(" RG\n");
            _stroke = color;
        }

        if (_lineWidth != width)
        {
            _content.Number(width).Ascii(" w\n");
            _lineWidth = width;
        }
    }

    private PdfOutput Color(Rgb color) =>
        _content.Number(color.R / 255.0).Byte((byte)' ').Number(color.G / 255.0).Byte((byte)' ').Number(color.B / 255.0);
}

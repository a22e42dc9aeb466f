namespace SglReference.Hl7v2.Mllp;

/// <summary>A peer sent an MLLP frame larger than the reader accepts: the connection is closed.</summary>
public sealed class MllpFrameTooLargeException : IOException
{
    /// <summary>Creates the exception for a limit of <paramref name="maxFrameBytes"/>.</summary>
    public MllpFrameTooLargeException(int maxFrameBytes)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"MLLP frame larger than {maxFrameBytes} bytes"))
    {
        MaxFrameBytes = maxFrameBytes;
    }

    /// <summary>Creates the exception.</summary>
    public MllpFrameTooLargeException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public MllpFrameTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MllpFrameTooLargeException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The limit the frame exceeded.</summary>
    public int MaxFrameBytes { get; }
}

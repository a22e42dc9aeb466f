using SglReference.Domain;
using System.Text;
using SglReference.Domain.Validation;

namespace SglReference.Input.Json;

/// <summary>Checks that raw input bytes are UTF-8 JSON text of a reasonable size and depth before parsing.</summary>
internal static class Utf8Input
{
    /// <summary>Returns the UTF-8 payload without BOM, or an error.</summary>
    public static ValidationError? Check(ReadOnlySpan<byte> bytes, InputLimits limits, out ReadOnlySpan<byte> payload)
    {
        payload = bytes;
        if (bytes.Length > limits.MaxBytes)
        {
            return new ValidationError("$", $"input has {bytes.Length} bytes, more than the limit of {limits.MaxBytes}", ErrorCodes.InputSize);
        }

        if (bytes.IsEmpty)
        {
            return new ValidationError("$", "input is empty", ErrorCodes.JsonSyntax);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ||
            bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return new ValidationError("$", "input is UTF-16 or UTF-32 (byte order mark found); the contract is UTF-8", ErrorCodes.JsonEncoding);
        }

        if (bytes.Length >= 2 && (bytes[0] == 0 || bytes[1] == 0))
        {
            return new ValidationError("$", "input has NUL bytes: UTF-16/UTF-32 without byte order mark, or binary data; the contract is UTF-8 JSON", ErrorCodes.JsonEncoding);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            payload = bytes[3..];
        }

        var offset = FirstInvalidUtf8(payload);
        if (offset >= 0)
        {
            return new ValidationError("$", $"input is not valid UTF-8 (invalid byte 0x{payload[offset]:X2} at offset {offset})", ErrorCodes.JsonEncoding);
        }

        var depth = MaxDepth(payload, limits.MaxDepth);
        if (depth > limits.MaxDepth)
        {
            return new ValidationError("$", $"JSON nests deeper than {limits.MaxDepth} levels", ErrorCodes.JsonDepth);
        }

        return null;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }

        var index = 0;
        while (index < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return -1;
    }

    /// <summary>Deepest bracket nesting outside strings; stops counting past <paramref name="limit"/>.</summary>
    private static int MaxDepth(ReadOnlySpan<byte> json, int limit)
    {
        var depth = 0;
        var max = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    if (depth > max)
                    {
                        max = depth;
                        if (max > limit)
                        {
                            return max;
                        }
                    }

                    break;
                case (byte)'}' or (byte)']':
                    depth--;
                    break;
            }
        }

        return max;
    }
}

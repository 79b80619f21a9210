using System.Buffers;
using System.Globalization;
using System.Text;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Validation;

/// <summary>The checks every text, time and number field meets, however it arrived, and the messages that name them.</summary>
public static class FieldRules
{
    public const string TimestampMessage = "must be an RFC 3339 date-time with an offset, such as 2012-08-06T13:00:00+01:00.";

    public static string TextMessage(bool singleLine) => singleLine
        ? "must be one line of valid Unicode text, without control characters (tab and line breaks included) or noncharacters."
        : "must be valid Unicode text without control characters (other than tab and line breaks) or noncharacters.";

    public static string IntegerMessage(long min, long max) =>
        string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}.");

    /// <summary>The text when it is interchangeable and its length (in code points) is within the limits; otherwise null, with the error.</summary>
    public static string? Text(string text, string path, int minLength, int maxLength, bool singleLine, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!IsInterchangeable(text, singleLine))
        {
            errors.Add(path, TextMessage(singleLine));
            return null;
        }
        var length = CodePoints.Count(text);
        if (length < minLength || length > maxLength)
        {
            errors.Add(path, minLength == maxLength
                ? string.Create(CultureInfo.InvariantCulture, $"must be {minLength} characters long.")
                : string.Create(CultureInfo.InvariantCulture, $"must be {minLength} to {maxLength} characters long (got {length})."));
            return null;
        }
        return text;
    }

    /// <summary>
    /// Text that pages, feeds and files can carry: well-formed UTF-16 (no half of a surrogate pair alone), and no control
    /// characters (C0, C1 and DEL; but tab and line breaks in multi-line text) or Unicode noncharacters (U+FDD0–U+FDEF,
    /// U+FFFE, U+FFFF and their counterparts in every plane), because HTML parsers report them as errors and XML cannot
    /// hold U+FFFE or U+FFFF at all.
    /// </summary>
    public static bool IsInterchangeable(string text, bool singleLine)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done)
            {
                return false;
            }
            var value = rune.Value;
            if ((Rune.IsControl(rune) && (singleLine || value is not ('\t' or '\n' or '\r')))
                || (value >= 0xFDD0 && value <= 0xFDEF)
                || (value & 0xFFFE) == 0xFFFE)
            {
                return false;
            }
            rest = rest[consumed..];
        }
        return true;
    }
}

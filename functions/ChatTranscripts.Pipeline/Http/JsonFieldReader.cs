using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatTranscripts.Pipeline.Ingest;

namespace ChatTranscripts.Pipeline.Http;

/// <summary>
/// Reads fields of a JSON object and records a message per bad field, so one response can list
/// every mistake in a request rather than stopping at the first.
/// </summary>
public sealed class JsonFieldReader(JsonElement element, string pathPrefix, ValidationErrors errors)
{
    public ValidationErrors Errors => errors;

    private const string TextMessage = "must be valid Unicode text without control characters (other than tab and line breaks) or noncharacters.";
    private const string SingleLineMessage = "must be one line of valid Unicode text, without control characters (tab and line breaks included) or noncharacters.";

    public string PathOf(string field) => pathPrefix.Length == 0 ? field : $"{pathPrefix}.{field}";

    /// <param name="singleLine">Refuses tab and line breaks too: for names, titles and labels, as opposed to text a person wrote.</param>
    public string? String(string field, bool required, int minLength, int maxLength, bool singleLine = false)
    {
        if (!TryGet(field, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(PathOf(field), "must be a string.");
            return null;
        }
        if (!JsonText.TryGetString(value, out var text) || !IsInterchangeable(text, singleLine))
        {
            errors.Add(PathOf(field), singleLine ? SingleLineMessage : TextMessage);
            return null;
        }
        var length = LengthInCharacters(text);
        if (length < minLength || length > maxLength)
        {
            errors.Add(PathOf(field), minLength == maxLength
                ? string.Create(CultureInfo.InvariantCulture, $"must be {minLength} characters long.")
                : string.Create(CultureInfo.InvariantCulture, $"must be {minLength} to {maxLength} characters long (got {length})."));
            return null;
        }
        return text;
    }

    public DateTimeOffset? Timestamp(string field, bool required)
    {
        if (!TryGet(field, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || !JsonText.TryGetString(value, out var text) || !Rfc3339.TryParse(text, out var parsed))
        {
            errors.Add(PathOf(field), "must be an RFC 3339 date-time with an offset, such as 2012-08-06T13:00:00+01:00.");
            return null;
        }
        return parsed;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>]; 3.0 counts as whole, 3.5 and "3" do not.</summary>
    public long? Integer(string field, bool required, long min, long max)
    {
        if (!TryGet(field, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number) || number != decimal.Truncate(number) || number < min || number > max)
        {
            errors.Add(PathOf(field), string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}."));
            return null;
        }
        return (long)number;
    }

    public JsonFieldReader? Object(string field, bool required)
    {
        if (!TryGet(field, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(PathOf(field), "must be an object.");
            return null;
        }
        return new JsonFieldReader(value, PathOf(field), errors);
    }

    /// <summary>
    /// An array of one-line strings (names, tags, labels); each item that is one line of interchangeable text is then
    /// checked by <paramref name="readItem"/>, which returns null after recording its own error.
    /// </summary>
    public IReadOnlyList<string>? StringArray(string field, bool required, int minCount, int maxCount, Func<string, string, string?> readItem)
    {
        if (!TryGet(field, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(PathOf(field), "must be an array of strings.");
            return null;
        }
        var count = value.GetArrayLength();
        if (count < minCount || count > maxCount)
        {
            errors.Add(PathOf(field), string.Create(CultureInfo.InvariantCulture, $"must have {minCount} to {maxCount} items (got {count})."));
            return null;
        }
        var items = new List<string>(count);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{PathOf(field)}[{index++}]");
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(itemPath, "must be a string.");
                continue;
            }
            if (!JsonText.TryGetString(item, out var text) || !IsInterchangeable(text, singleLine: true))
            {
                errors.Add(itemPath, SingleLineMessage);
                continue;
            }
            var read = readItem(text, itemPath);
            if (read is not null)
            {
                items.Add(read);
            }
        }
        return items;
    }

    /// <summary>Limits count user-perceived code points, not UTF-16 units, so an emoji counts once.</summary>
    public static int LengthInCharacters(string text)
    {
        var length = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            length++;
        }
        return length;
    }

    /// <summary>
    /// Text that pages, feeds and files can carry: control characters (C0, C1 and DEL; but tab and line breaks in
    /// multi-line text) and Unicode noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their counterparts in every
    /// plane) are refused, because HTML parsers report them as errors and XML cannot hold U+FFFE or U+FFFF at all.
    /// </summary>
    private static bool IsInterchangeable(string text, bool singleLine)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if ((Rune.IsControl(rune) && (singleLine || value is not ('\t' or '\n' or '\r')))
                || (value >= 0xFDD0 && value <= 0xFDEF)
                || (value & 0xFFFE) == 0xFFFE)
            {
                return false;
            }
        }
        return true;
    }

    private bool TryGet(string field, bool required, out JsonElement value)
    {
        if (element.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }
        if (required)
        {
            errors.Add(PathOf(field), "is required.");
        }
        return false;
    }
}

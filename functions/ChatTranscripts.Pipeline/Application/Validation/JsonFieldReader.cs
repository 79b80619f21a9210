using System.Globalization;
using System.Text.Json;

namespace ChatTranscripts.Pipeline.Application.Validation;

/// <summary>
/// Reads fields of a JSON object and records a message per bad field, so one response can list
/// every mistake in a request rather than stopping at the first.
/// </summary>
public sealed class JsonFieldReader(JsonElement element, string pathPrefix, ValidationErrors errors) : IFieldReader
{
    public ValidationErrors Errors => errors;

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
        if (!JsonText.TryGetString(value, out var text))
        {
            errors.Add(PathOf(field), FieldRules.TextMessage(singleLine));
            return null;
        }
        return FieldRules.Text(text, PathOf(field), minLength, maxLength, singleLine, errors);
    }

    public DateTimeOffset? Timestamp(string field, bool required)
    {
        if (!TryGet(field, required, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || !JsonText.TryGetString(value, out var text) || !Rfc3339.TryParse(text, out var parsed))
        {
            errors.Add(PathOf(field), FieldRules.TimestampMessage);
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
            errors.Add(PathOf(field), FieldRules.IntegerMessage(min, max));
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

    IFieldReader? IFieldReader.Object(string field, bool required) => Object(field, required);

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
            if (!JsonText.TryGetString(item, out var text) || !FieldRules.IsInterchangeable(text, singleLine: true))
            {
                errors.Add(itemPath, FieldRules.TextMessage(singleLine: true));
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

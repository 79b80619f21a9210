namespace ChatTranscripts.Pipeline.Application.Validation;

/// <summary>
/// Fields held as .NET values, keyed by the names a JSON body gives them: <see cref="string"/>,
/// <see cref="DateTimeOffset"/>, <see cref="long"/>, or a nested object as another dictionary. A null value is absent,
/// as a JSON <c>null</c> is.
/// </summary>
public sealed class ValueFieldReader(IReadOnlyDictionary<string, object?> values, string pathPrefix, ValidationErrors errors) : IFieldReader
{
    public ValidationErrors Errors => errors;

    public string PathOf(string field) => pathPrefix.Length == 0 ? field : $"{pathPrefix}.{field}";

    public string? String(string field, bool required, int minLength, int maxLength, bool singleLine = false) =>
        Get<string>(field, required, "must be a string.") is { } text ? FieldRules.Text(text, PathOf(field), minLength, maxLength, singleLine, errors) : null;

    /// <summary>The time in UTC, as <see cref="Rfc3339"/> reads one from text.</summary>
    public DateTimeOffset? Timestamp(string field, bool required)
    {
        if (Get<DateTimeOffset?>(field, required, FieldRules.TimestampMessage) is not { } value)
        {
            return null;
        }
        var utc = value.ToUniversalTime();
        if (!Rfc3339.IsInRange(utc))
        {
            errors.Add(PathOf(field), FieldRules.TimestampMessage);
            return null;
        }
        return utc;
    }

    public long? Integer(string field, bool required, long min, long max)
    {
        var value = Get<long?>(field, required, FieldRules.IntegerMessage(min, max));
        if (value < min || value > max)
        {
            errors.Add(PathOf(field), FieldRules.IntegerMessage(min, max));
            return null;
        }
        return value;
    }

    public IFieldReader? Object(string field, bool required) =>
        Get<IReadOnlyDictionary<string, object?>>(field, required, "must be an object.") is { } fields
            ? new ValueFieldReader(fields, PathOf(field), errors)
            : null;

    private T? Get<T>(string field, bool required, string wrongType)
    {
        if (!values.TryGetValue(field, out var value) || value is null)
        {
            if (required)
            {
                errors.Add(PathOf(field), "is required.");
            }
            return default;
        }
        if (value is T typed)
        {
            return typed;
        }
        errors.Add(PathOf(field), wrongType);
        return default;
    }
}

using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Validation;

namespace ChatTranscripts.Pipeline.Application.Ingest.X;

/// <summary>Reads fields of X payloads, recording a message under the payload's own path for each one that is unusable.</summary>
internal static class XFields
{
    public static string PathOf(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    /// <summary>False for a missing field and for JSON null alike: X writes null for every absent optional field.</summary>
    public static bool TryGet(JsonElement element, string field, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>A string field; null (with an error when required or not a string) otherwise.</summary>
    public static string? String(JsonElement element, string path, string field, bool required, ValidationErrors errors)
    {
        if (!TryGet(element, field, out var value))
        {
            if (required)
            {
                errors.Add(PathOf(path, field), "is required.");
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(PathOf(path, field), "must be a string.");
            return null;
        }
        if (!JsonText.TryGetString(value, out var text))
        {
            errors.Add(PathOf(path, field), JsonText.BrokenTextMessage);
            return null;
        }
        return text;
    }

    /// <summary>
    /// An id, read only from a JSON string: X's ids exceed 2^53, so their number forms (<c>id</c>,
    /// <c>in_reply_to_status_id</c>) have lost digits in many JSON libraries and are never trusted.
    /// </summary>
    public static string? Id(JsonElement element, string path, string field, bool required, ValidationErrors errors)
    {
        if (TryGet(element, field, out var value) && value.ValueKind == JsonValueKind.Number)
        {
            errors.Add(PathOf(path, field), "must be a string: X ids exceed 2^53 and lose digits as JSON numbers.");
            return null;
        }
        return String(element, path, field, required, errors);
    }

    public static JsonElement? Object(JsonElement element, string path, string field, bool required, ValidationErrors errors)
    {
        if (!TryGet(element, field, out var value))
        {
            if (required)
            {
                errors.Add(PathOf(path, field), "is required.");
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(PathOf(path, field), "must be an object.");
            return null;
        }
        return value;
    }

    /// <summary>X escapes exactly <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> in tweet text; <c>&amp;</c> goes last so "&amp;lt;" stays "&lt;" as typed.</summary>
    public static string UnescapeText(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>X writes <c>und</c> when it could not tell the language; the canonical post then has none.</summary>
    public static string? Language(string? lang) => lang is null or "und" ? null : lang;

    public static string StatusUrl(string handle, string id) => $"https://twitter.com/{Uri.EscapeDataString(handle)}/status/{Uri.EscapeDataString(id)}";
}

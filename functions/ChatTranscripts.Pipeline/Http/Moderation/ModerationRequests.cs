using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Moderation;

namespace ChatTranscripts.Pipeline.Http.Moderation;

/// <summary>Reads the bodies of the moderation routes, recording a message per bad field as every route does.</summary>
public static class ModerationRequests
{
    public const int MaxReasonLength = 1000;
    public const int MaxModeratorLength = 100;
    public const string ModeratorHeader = "X-Moderator";

    /// <summary>The fields of a JSON object body, or null having recorded that the body is not one.</summary>
    public static JsonFieldReader? Fields(JsonElement root, ValidationErrors errors)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            return new JsonFieldReader(root, "", errors);
        }
        errors.Add("$", "must be a JSON object.");
        return null;
    }

    public static string? Reason(JsonFieldReader fields) => fields.String("reason", required: true, 1, MaxReasonLength);

    /// <summary>The name the organiser gives: the body's <c>moderator</c>, else the <c>X-Moderator</c> header, else none.</summary>
    public static string? ModeratorName(JsonFieldReader? fields, string? header, ValidationErrors errors)
    {
        if (fields?.String("moderator", required: false, 1, MaxModeratorLength, singleLine: true) is { } named)
        {
            return named;
        }
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }
        var trimmed = header.Trim();
        if (trimmed.Length == 0 || CodePoints.Count(trimmed) > MaxModeratorLength || trimmed.Any(char.IsControl))
        {
            errors.Add(ModeratorHeader, $"must be a name of 1 to {MaxModeratorLength} characters.");
            return null;
        }
        return trimmed;
    }

    /// <summary><c>session</c> (the default) or <c>series</c>.</summary>
    public static BlockScope? Scope(string? value, string field, ValidationErrors errors)
    {
        switch (value)
        {
            case null or "session":
                return BlockScope.Session;
            case "series":
                return BlockScope.Series;
            default:
                errors.Add(field, "must be 'session' or 'series'.");
                return null;
        }
    }

    /// <summary>Both rules, each null (off) when absent or null: a PUT states the whole set of rules.</summary>
    public static ModerationRules? Rules(JsonFieldReader fields)
    {
        var before = fields.Errors.Count;
        var duplicateText = fields.Object("duplicateText", required: false)
            ?.Integer("minAccounts", required: true, ModerationRules.MinDuplicateAccounts, ModerationRules.MaxDuplicateAccounts);
        var maxHashtags = fields.Integer("maxHashtags", required: false, ModerationRules.MinHashtagLimit, ModerationRules.MaxHashtagLimit);
        return fields.Errors.Count != before
            ? null
            : new ModerationRules(duplicateText is { } min ? new DuplicateTextRule((int)min) : null, (int?)maxHashtags);
    }
}

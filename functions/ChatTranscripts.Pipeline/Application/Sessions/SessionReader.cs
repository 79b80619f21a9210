using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Sessions;

/// <summary>Validates and normalises the body of <c>PUT /api/sessions/{id}</c>.</summary>
public static partial class SessionReader
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxHashtags = 5;
    public const int MaxHandles = 50;
    public const int MaxQuestions = 20;
    public const int MaxQuestionLength = 1000;

    // \z, not $: .NET's $ also matches before a final newline, and "abc\n" is no session id.
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{2,63}\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\A[\p{L}\p{M}\p{Nd}_]{1,100}\z")]
    private static partial Regex HashtagPattern();

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    public static SessionDefinition? Read(JsonElement body, ValidationErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "must be a session object.");
            return null;
        }
        var fields = new JsonFieldReader(body, "", errors);
        var title = fields.String("title", required: true, 1, MaxTitleLength, singleLine: true);
        if (title is not null && string.IsNullOrWhiteSpace(title))
        {
            errors.Add("title", "must not be blank.");
        }
        var description = fields.String("description", required: false, 0, MaxDescriptionLength);
        var hashtags = fields.StringArray("hashtags", required: true, 1, MaxHashtags, Hashtag);
        var startsAt = fields.Timestamp("startsAt", required: true);
        var endsAt = fields.Timestamp("endsAt", required: true);
        if (startsAt is { } start && endsAt is { } end)
        {
            if (end <= start)
            {
                errors.Add("endsAt", "must be after startsAt.");
            }
            else if (end - start > MaxDuration)
            {
                errors.Add("endsAt", "must be at most 24 hours after startsAt.");
            }
        }
        var timeZone = fields.String("timeZone", required: false, 1, 64, singleLine: true) ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errors.Add("timeZone", $"must be an IANA time zone such as 'Europe/London' (got '{timeZone}').");
        }
        var moderators = fields.StringArray("moderators", required: false, 0, MaxHandles, (value, path) => Handle(value, path, errors)) ?? [];
        var guests = fields.StringArray("guests", required: false, 0, MaxHandles, (value, path) => Handle(value, path, errors)) ?? [];
        var questions = fields.StringArray("questions", required: false, 0, MaxQuestions, (value, path) => Question(value, path, errors)) ?? [];

        if (!errors.IsEmpty)
        {
            return null;
        }
        return new SessionDefinition
        {
            Title = title!,
            Description = string.IsNullOrEmpty(description) ? null : description,
            Hashtags = hashtags!.Distinct(StringComparer.Ordinal).ToArray(),
            StartsAt = startsAt!.Value,
            EndsAt = endsAt!.Value,
            TimeZone = timeZone,
            Moderators = moderators.Distinct(Handles.Comparer).ToArray(),
            Guests = guests.Distinct(Handles.Comparer).ToArray(),
            Questions = questions.ToArray(),
        };

        string? Hashtag(string value, string path)
        {
            var tag = Hashtags.Normalise(value);
            if (!HashtagPattern().IsMatch(tag))
            {
                errors.Add(path, "must be a hashtag of letters, digits or '_', with or without '#'.");
                return null;
            }
            return tag;
        }
    }

    private static string? Handle(string value, string path, ValidationErrors errors)
    {
        var handle = Handles.Normalise(value);
        if (!Handles.IsValid(handle))
        {
            errors.Add(path, "must be a handle such as '@BMCMedicine' or 'BMCMedicine'.");
            return null;
        }
        return handle;
    }

    private static string? Question(string value, string path, ValidationErrors errors)
    {
        var length = CodePoints.Count(value);
        if (string.IsNullOrWhiteSpace(value) || length > MaxQuestionLength)
        {
            errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"must be 1 to {MaxQuestionLength} characters long (got {length})."));
            return null;
        }
        return value;
    }
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ChatTranscripts.Pipeline.Application.Sessions;

namespace ChatTranscripts.LocalHost.OpenApi;

/// <summary>
/// The body of <c>PUT /api/sessions/{id}</c> as the OpenAPI document shows it. <see cref="SessionReader"/> reads the
/// body itself; this type only describes what it accepts, with the same limits.
/// </summary>
[Description("A session as an organiser registers it. Lengths count characters (code points); one-line fields refuse every control character.")]
public sealed record SessionBody
{
    [Description("One line, not blank.")]
    [StringLength(SessionReader.MaxTitleLength, MinimumLength = 1)]
    public required string Title { get; init; }

    [Description("Text: tab and line breaks allowed, no other control characters.")]
    [MaxLength(SessionReader.MaxDescriptionLength)]
    public string? Description { get; init; }

    [Description("Hashtags, with or without '#', each 1 to 100 letters, marks, digits or '_'; matched case-insensitively, returned lowercase without '#'.")]
    [Length(1, SessionReader.MaxHashtags)]
    public required IReadOnlyList<string> Hashtags { get; init; }

    [Description("RFC 3339 with an offset.")]
    public required DateTimeOffset StartsAt { get; init; }

    [Description("RFC 3339 with an offset; after startsAt and at most 24 hours later.")]
    public required DateTimeOffset EndsAt { get; init; }

    [Description("IANA time zone used to show times on the page (default UTC).")]
    [StringLength(64, MinimumLength = 1)]
    public string? TimeZone { get; init; }

    [Description("Handles of the moderators, '@' optional, compared case-insensitively; their Q1, Q2… posts are the questions.")]
    [MaxLength(SessionReader.MaxHandles)]
    public IReadOnlyList<string>? Moderators { get; init; }

    [Description("Handles of the invited guests, '@' optional.")]
    [MaxLength(SessionReader.MaxHandles)]
    public IReadOnlyList<string>? Guests { get; init; }

    [Description("The planned questions, in order: each one line of 1 to 1,000 characters.")]
    [MaxLength(SessionReader.MaxQuestions)]
    public IReadOnlyList<string>? Questions { get; init; }
}

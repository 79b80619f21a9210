using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Tests;

/// <summary>Small builders for the posts and sessions the unit tests reason about.</summary>
internal static class Posts
{
    public static readonly DateTimeOffset Start = new(2012, 8, 6, 12, 0, 0, TimeSpan.Zero);

    public static SessionDefinition Session(params string[] moderators) => new()
    {
        Title = "Social media in healthcare",
        Hashtags = ["bmcmed"],
        StartsAt = Start,
        EndsAt = Start.AddHours(1),
        TimeZone = "Europe/London",
        Moderators = moderators.Length == 0 ? ["BMCMedicine"] : moderators,
        Guests = ["FarrisTimimi", "LeeAase"],
        Questions = ["How have you seen social media used?", "How can it bridge the gap?"],
    };

    public static CanonicalPost Post(
        string id,
        string text,
        int minute = 10,
        string handle = "someone",
        string? replyTo = null,
        string? repostOf = null,
        string? quoted = null,
        string platform = "twitter",
        DateTimeOffset? editedAt = null) => new()
        {
            Platform = platform,
            Id = id,
            Author = new PostAuthor(handle, handle + " name"),
            Text = text,
            CreatedAt = Start.AddMinutes(minute),
            InReplyToId = replyTo,
            RepostOfId = repostOf,
            QuotedId = quoted,
            EditedAt = editedAt,
        };
}

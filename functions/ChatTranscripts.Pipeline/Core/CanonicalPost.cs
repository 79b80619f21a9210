namespace ChatTranscripts.Pipeline.Core;

/// <summary>A post in the platform-neutral shape every webhook is turned into. Times are UTC.</summary>
public sealed record CanonicalPost
{
    public required string Platform { get; init; }

    public required string Id { get; init; }

    public required PostAuthor Author { get; init; }

    public required string Text { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? InReplyToId { get; init; }

    public string? InReplyToHandle { get; init; }

    public string? QuotedId { get; init; }

    public string? RepostOfId { get; init; }

    public string? Url { get; init; }

    public string? Lang { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public PostKey Key => new(Platform, Id);
}

/// <param name="Followers">
/// How many accounts followed the author when the post was sent, where the sender knows (X and Mastodon say); left out
/// of the JSON when unknown, so posts sent without it hash and store exactly as before it existed.
/// </param>
public sealed record PostAuthor(
    string Handle,
    string? DisplayName,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] long? Followers = null);

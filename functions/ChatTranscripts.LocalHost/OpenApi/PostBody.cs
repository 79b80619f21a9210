using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.LocalHost.OpenApi;

/// <summary>
/// A post of <c>POST /api/posts</c> as the OpenAPI document shows it. <see cref="PostReader"/> reads the body itself;
/// this type only describes what it accepts, with the same limits.
/// </summary>
[Description("A post in the platform-neutral shape. Lengths count characters (code points).")]
public sealed record PostBody
{
    [Description("The platform: twitter, mastodon, bluesky, web, …")]
    [RegularExpression("^[a-z0-9-]{1,32}$")]
    public required string Platform { get; init; }

    [Description("The post's id on its platform: not blank, no control characters.")]
    [StringLength(PostReader.MaxIdLength, MinimumLength = 1)]
    public required string Id { get; init; }

    public required PostAuthorBody Author { get; init; }

    [Description("Text: tab and line breaks allowed, no other control characters.")]
    [StringLength(PostReader.MaxTextLength, MinimumLength = 1)]
    public required string Text { get; init; }

    [Description("RFC 3339 with an offset, years 1970 to 8999.")]
    public required DateTimeOffset CreatedAt { get; init; }

    [Description("The id of the post this one replies to, on the same platform.")]
    [StringLength(PostReader.MaxIdLength, MinimumLength = 1)]
    public string? InReplyToId { get; init; }

    [Description("The handle of the author replied to, '@' optional.")]
    [StringLength(Handles.MaxLength, MinimumLength = 1)]
    public string? InReplyToHandle { get; init; }

    [Description("The id of the post this one quotes, on the same platform.")]
    [StringLength(PostReader.MaxIdLength, MinimumLength = 1)]
    public string? QuotedId { get; init; }

    [Description("Set on a repost (retweet, reblog): the id of the post it reposts. Reposts are counted, not shown.")]
    [StringLength(PostReader.MaxIdLength, MinimumLength = 1)]
    public string? RepostOfId { get; init; }

    [Description("The post on its platform: an absolute http or https URL, one line.")]
    [Url]
    [StringLength(2048, MinimumLength = 1)]
    public string? Url { get; init; }

    [Description("BCP 47 language tag, such as en or pt-BR.")]
    [StringLength(35, MinimumLength = 2)]
    public string? Lang { get; init; }

    [Description("For edits: the version with the latest editedAt wins.")]
    public DateTimeOffset? EditedAt { get; init; }
}

[Description("Who wrote the post.")]
public sealed record PostAuthorBody
{
    [Description("One line, '@' optional, no spaces.")]
    [StringLength(Handles.MaxLength, MinimumLength = 1)]
    public required string Handle { get; init; }

    [Description("Text.")]
    [MaxLength(200)]
    public string? DisplayName { get; init; }
}

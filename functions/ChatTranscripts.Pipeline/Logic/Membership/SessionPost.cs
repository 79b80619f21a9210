using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Tagging;

namespace ChatTranscripts.Pipeline.Logic.Membership;

/// <summary>A post as it belongs to one session: tagged (entities, role, Q/A label) and threaded.</summary>
public sealed record SessionPost(
    CanonicalPost Post,
    ExtractedEntities Entities,
    PostKind Kind,
    AuthorRole Role,
    int? Question,
    int? AnswersQuestion,
    PostKey ThreadRoot)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public PostKey Key => Post.Key;

    [System.Text.Json.Serialization.JsonIgnore]
    public PostKey? Parent => PostKey.Reference(Post.Platform, Post.InReplyToId);
}

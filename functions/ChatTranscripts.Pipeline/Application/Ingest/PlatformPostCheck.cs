using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ingest;

/// <summary>
/// Checks a post built from a platform's payload with <see cref="PostReader"/>'s rules, so platform webhooks meet
/// exactly the limits <c>/api/posts</c> enforces; each error is reported under the payload field its value came from.
/// </summary>
public static class PlatformPostCheck
{
    /// <param name="sourceOfField">Canonical field (<c>text</c>, <c>author.handle</c>, …) → the payload's path for it.</param>
    /// <param name="itemPath">Where the post's object sits in the payload; unmapped fields are reported below it.</param>
    /// <returns>The post as <c>/api/posts</c> would store it (handles without '@', times in UTC), or null.</returns>
    public static CanonicalPost? Check(CanonicalPost post, IReadOnlyDictionary<string, string> sourceOfField, ValidationErrors errors, string itemPath = "")
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(sourceOfField);
        ArgumentNullException.ThrowIfNull(errors);
        var found = new ValidationErrors();
        var checkedPost = PostReader.ReadPost(new ValueFieldReader(Fields(post), "", found));
        foreach (var (field, messages) in found.ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(sourceOfField.GetValueOrDefault(field) ?? (itemPath.Length == 0 ? field : $"{itemPath}.{field}"), message);
            }
        }
        return checkedPost;
    }

    /// <summary>The post's fields under the names a posted body gives them.</summary>
    private static Dictionary<string, object?> Fields(CanonicalPost post) => new(StringComparer.Ordinal)
    {
        ["platform"] = post.Platform,
        ["id"] = post.Id,
        ["author"] = post.Author is not { } author ? null : new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["handle"] = author.Handle,
            ["displayName"] = author.DisplayName,
            ["followers"] = author.Followers,
        },
        ["text"] = post.Text,
        ["createdAt"] = post.CreatedAt,
        ["inReplyToId"] = post.InReplyToId,
        ["inReplyToHandle"] = post.InReplyToHandle,
        ["quotedId"] = post.QuotedId,
        ["repostOfId"] = post.RepostOfId,
        ["url"] = post.Url,
        ["lang"] = post.Lang,
        ["editedAt"] = post.EditedAt,
    };
}

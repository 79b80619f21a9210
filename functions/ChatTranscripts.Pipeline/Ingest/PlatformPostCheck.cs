using System.Text.Json;
using ChatTranscripts.Pipeline.Http;

namespace ChatTranscripts.Pipeline.Ingest;

/// <summary>
/// Runs a post built from a platform's payload through <see cref="PostReader"/>, so platform webhooks meet exactly the
/// limits <c>/api/posts</c> enforces; each error is reported under the payload field its value came from.
/// </summary>
public static class PlatformPostCheck
{
    /// <param name="sourceOfField">Canonical field (<c>text</c>, <c>author.handle</c>, …) → the payload's path for it.</param>
    /// <param name="itemPath">Where the post's object sits in the payload; unmapped fields are reported below it.</param>
    public static CanonicalPost? Check(CanonicalPost post, IReadOnlyDictionary<string, string> sourceOfField, ValidationErrors errors, string itemPath = "")
    {
        using var canonical = JsonSerializer.SerializeToDocument(post, PipelineJson.Options);
        var found = new ValidationErrors();
        var checkedPost = PostReader.ReadPost(canonical.RootElement, "", found);
        foreach (var (field, messages) in found.ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(sourceOfField.GetValueOrDefault(field) ?? (itemPath.Length == 0 ? field : $"{itemPath}.{field}"), message);
            }
        }
        return checkedPost;
    }
}

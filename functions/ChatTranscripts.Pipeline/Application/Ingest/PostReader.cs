using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ingest;

/// <summary>Turns the body of <c>POST /api/posts</c> into canonical posts, or into every reason it cannot.</summary>
public static partial class PostReader
{
    public const int MaxBatch = 100;
    public const int MaxIdLength = 128;
    public const int MaxHandleLength = Handles.MaxLength;
    public const int MaxTextLength = 25_000;

    /// <summary>What errors call the items of a batch: <c>posts[3].createdAt</c>.</summary>
    public const string BatchField = "posts";

    // \z, not $: .NET's $ also matches before a final newline.
    [GeneratedRegex(@"\A[a-z0-9-]{1,32}\z")]
    public static partial Regex PlatformPattern();

    [GeneratedRegex(@"\A[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}\z")]
    private static partial Regex LanguageTag();

    /// <summary>Reads one post object or an array of 1–100; on any invalid item, returns no posts and the errors of all items.</summary>
    public static IReadOnlyList<CanonicalPost> Read(JsonElement body, ValidationErrors errors)
    {
        switch (body.ValueKind)
        {
            case JsonValueKind.Object:
                var single = ReadPost(body, "", errors);
                return errors.IsEmpty && single is not null ? [single] : [];
            case JsonValueKind.Array:
                var count = body.GetArrayLength();
                if (count is < 1 or > MaxBatch)
                {
                    errors.Add(BatchField, string.Create(CultureInfo.InvariantCulture, $"must be a post object or an array of 1 to {MaxBatch} posts (got {count})."));
                    return [];
                }
                var posts = new List<CanonicalPost>(count);
                var index = 0;
                foreach (var item in body.EnumerateArray())
                {
                    var path = string.Create(CultureInfo.InvariantCulture, $"{BatchField}[{index++}]");
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        errors.Add(path, "must be a post object.");
                        continue;
                    }
                    if (ReadPost(item, path, errors) is { } post)
                    {
                        posts.Add(post);
                    }
                }
                return errors.IsEmpty ? posts : [];
            default:
                errors.Add(BatchField, "must be a post object or an array of posts.");
                return [];
        }
    }

    public static CanonicalPost? ReadPost(JsonElement element, string path, ValidationErrors errors) =>
        ReadPost(new JsonFieldReader(element, path, errors));

    /// <summary>One post from its fields, however they arrived: every rule below is the contract's, checked once.</summary>
    public static CanonicalPost? ReadPost(IFieldReader fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = fields.Errors;
        var before = errors.Count;
        var platform = Platform(fields, "platform", required: true);
        var id = Identifier(fields, "id", required: true);
        var author = fields.Object("author", required: true);
        var handle = author is null ? null : Handle(author, "handle", required: true);
        var displayName = author?.String("displayName", required: false, 0, 200);
        var followers = author?.Integer("followers", required: false, 0, FollowerCounts.Max);
        var text = fields.String("text", required: true, 1, MaxTextLength);
        var createdAt = fields.Timestamp("createdAt", required: true);
        var inReplyToId = Identifier(fields, "inReplyToId", required: false);
        var inReplyToHandle = Handle(fields, "inReplyToHandle", required: false);
        var quotedId = Identifier(fields, "quotedId", required: false);
        var repostOfId = Identifier(fields, "repostOfId", required: false);
        var url = Url(fields, "url");
        var lang = Language(fields, "lang");
        var editedAt = fields.Timestamp("editedAt", required: false);

        if (errors.Count != before || platform is null || id is null || handle is null || text is null || createdAt is null)
        {
            return null;
        }
        return new CanonicalPost
        {
            Platform = platform,
            Id = id,
            Author = new PostAuthor(handle, string.IsNullOrWhiteSpace(displayName) ? null : displayName, followers),
            Text = text,
            CreatedAt = createdAt.Value,
            InReplyToId = inReplyToId,
            InReplyToHandle = inReplyToHandle,
            QuotedId = quotedId,
            RepostOfId = repostOfId,
            Url = url,
            Lang = lang,
            EditedAt = editedAt,
        };
    }

    public static string? Platform(IFieldReader fields, string field, bool required)
    {
        var value = fields.String(field, required, 1, 32, singleLine: true);
        if (value is not null && !PlatformPattern().IsMatch(value))
        {
            fields.Errors.Add(fields.PathOf(field), "must be 1 to 32 lowercase letters, digits or '-', such as 'twitter' or 'mastodon'.");
            return null;
        }
        return value;
    }

    public static bool IsValidIdentifier(string id) =>
        id.Length > 0 && CodePoints.Count(id) <= MaxIdLength && !id.Any(char.IsControl) && !string.IsNullOrWhiteSpace(id);

    public static string? Identifier(IFieldReader fields, string field, bool required)
    {
        var value = fields.String(field, required, 1, MaxIdLength);
        if (value is not null && !IsValidIdentifier(value))
        {
            fields.Errors.Add(fields.PathOf(field), "must not be blank or contain control characters.");
            return null;
        }
        return value;
    }

    private static string? Handle(IFieldReader fields, string field, bool required)
    {
        var value = fields.String(field, required, 0, int.MaxValue, singleLine: true);
        if (value is null)
        {
            return null;
        }
        var handle = Handles.Normalise(value);
        if (!Handles.IsValid(handle))
        {
            fields.Errors.Add(fields.PathOf(field), $"must be a handle of 1 to {MaxHandleLength} characters without spaces.");
            return null;
        }
        return handle;
    }

    private static string? Url(IFieldReader fields, string field)
    {
        var value = fields.String(field, required: false, 1, 2048, singleLine: true);
        if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            fields.Errors.Add(fields.PathOf(field), "must be an absolute http or https URL.");
            return null;
        }
        return value;
    }

    private static string? Language(IFieldReader fields, string field)
    {
        var value = fields.String(field, required: false, 2, 35, singleLine: true);
        if (value is not null && !LanguageTag().IsMatch(value))
        {
            fields.Errors.Add(fields.PathOf(field), "must be a BCP 47 language tag such as 'en' or 'pt-BR'.");
            return null;
        }
        return value;
    }
}

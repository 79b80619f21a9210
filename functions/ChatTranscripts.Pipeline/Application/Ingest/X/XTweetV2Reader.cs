using System.Globalization;
using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ingest.X;

/// <summary>
/// Turns a v2 filtered-stream delivery (<c>data</c>: one Tweet or an array, authors in <c>includes.users</c>) into
/// canonical posts. The author's handle exists only in <c>includes.users</c>, so the stream must ask for
/// <c>expansions=author_id</c> and <c>tweet.fields=created_at,lang,referenced_tweets,note_tweet</c>.
/// </summary>
public static class XTweetV2Reader
{
    public static IReadOnlyList<CanonicalPost> Read(JsonElement body, ValidationErrors errors)
    {
        var users = Users(body, errors);
        var data = body.GetProperty("data");
        switch (data.ValueKind)
        {
            case JsonValueKind.Object:
                return ReadTweet(data, "data", users, errors) is { } single ? [single] : [];
            case JsonValueKind.Array:
                var posts = new List<CanonicalPost>();
                var index = 0;
                foreach (var tweet in data.EnumerateArray())
                {
                    if (ReadTweet(tweet, string.Create(CultureInfo.InvariantCulture, $"data[{index++}]"), users, errors) is { } post)
                    {
                        posts.Add(post);
                    }
                }
                return posts;
            default:
                errors.Add("data", "must be a Tweet object or an array of Tweets.");
                return [];
        }
    }

    private static CanonicalPost? ReadTweet(JsonElement tweet, string path, IReadOnlyDictionary<string, PostAuthor> users, ValidationErrors errors)
    {
        if (tweet.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "must be a Tweet object.");
            return null;
        }
        var before = errors.Count;
        var id = XFields.Id(tweet, path, "id", required: true, errors);
        var createdAt = CreatedAt(tweet, path, errors);
        var author = Author(tweet, path, users, errors);
        var (text, textPath) = XNoteTweet.Read(tweet, path, errors)
            ?? (XFields.String(tweet, path, "text", required: true, errors), XFields.PathOf(path, "text"));
        var references = References(tweet, path, errors);
        var lang = XFields.String(tweet, path, "lang", required: false, errors);
        if (errors.Count != before || id is null || createdAt is null || author is null || text is null)
        {
            return null;
        }

        var inReplyToId = references.GetValueOrDefault("replied_to");
        var inReplyToUserId = XFields.String(tweet, path, "in_reply_to_user_id", required: false, errors);
        var post = new CanonicalPost
        {
            Platform = XDeliveryReader.Platform,
            Id = id,
            Author = author,
            Text = XFields.UnescapeText(text),
            CreatedAt = createdAt.Value,
            InReplyToId = inReplyToId,
            InReplyToHandle = inReplyToId is not null && inReplyToUserId is not null ? users.GetValueOrDefault(inReplyToUserId)?.Handle : null,
            QuotedId = references.GetValueOrDefault("quoted"),
            RepostOfId = references.GetValueOrDefault("retweeted"),
            Url = XFields.StatusUrl(author.Handle, id),
            Lang = XFields.Language(lang),
        };
        return PlatformPostCheck.Check(post, new Dictionary<string, string>
        {
            ["id"] = XFields.PathOf(path, "id"),
            ["author.handle"] = XFields.PathOf(path, "author_id"),
            ["author.displayName"] = XFields.PathOf(path, "author_id"),
            ["text"] = textPath,
            ["createdAt"] = XFields.PathOf(path, "created_at"),
            ["inReplyToId"] = XFields.PathOf(path, "referenced_tweets"),
            ["inReplyToHandle"] = XFields.PathOf(path, "in_reply_to_user_id"),
            ["quotedId"] = XFields.PathOf(path, "referenced_tweets"),
            ["repostOfId"] = XFields.PathOf(path, "referenced_tweets"),
            ["url"] = XFields.PathOf(path, "author_id"),
            ["lang"] = XFields.PathOf(path, "lang"),
        }, errors, path);
    }

    private static DateTimeOffset? CreatedAt(JsonElement tweet, string path, ValidationErrors errors)
    {
        var value = XFields.String(tweet, path, "created_at", required: true, errors);
        if (value is null)
        {
            return null;
        }
        if (!XCreatedAt.TryParseV2(value, out var createdAt))
        {
            errors.Add(XFields.PathOf(path, "created_at"), "must be an RFC 3339 date-time such as 2012-08-06T12:04:31.000Z.");
            return null;
        }
        return createdAt;
    }

    private static PostAuthor? Author(JsonElement tweet, string path, IReadOnlyDictionary<string, PostAuthor> users, ValidationErrors errors)
    {
        var authorId = XFields.Id(tweet, path, "author_id", required: true, errors);
        if (authorId is null)
        {
            return null;
        }
        if (!users.TryGetValue(authorId, out var author))
        {
            errors.Add(XFields.PathOf(path, "author_id"), "must name a user in includes.users (request expansions=author_id).");
            return null;
        }
        return author;
    }

    /// <summary><c>referenced_tweets</c> by type: <c>replied_to</c>, <c>quoted</c>, <c>retweeted</c>.</summary>
    private static Dictionary<string, string> References(JsonElement tweet, string path, ValidationErrors errors)
    {
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!XFields.TryGet(tweet, "referenced_tweets", out var list))
        {
            return references;
        }
        var listPath = XFields.PathOf(path, "referenced_tweets");
        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(listPath, "must be an array of {type, id}.");
            return references;
        }
        var index = 0;
        foreach (var reference in list.EnumerateArray())
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{listPath}[{index++}]");
            if (reference.ValueKind != JsonValueKind.Object)
            {
                errors.Add(itemPath, "must be an object {type, id}.");
                continue;
            }
            var type = XFields.String(reference, itemPath, "type", required: true, errors);
            var id = XFields.Id(reference, itemPath, "id", required: true, errors);
            if (type is not null && id is not null)
            {
                references.TryAdd(type, id);
            }
        }
        return references;
    }

    private static Dictionary<string, PostAuthor> Users(JsonElement body, ValidationErrors errors)
    {
        var users = new Dictionary<string, PostAuthor>(StringComparer.Ordinal);
        if (XFields.Object(body, "", "includes", required: false, errors) is not { } includes || !XFields.TryGet(includes, "users", out var list))
        {
            return users;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add("includes.users", "must be an array of users.");
            return users;
        }
        var index = 0;
        foreach (var user in list.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"includes.users[{index++}]");
            if (user.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, "must be a user object.");
                continue;
            }
            var id = XFields.Id(user, path, "id", required: true, errors);
            var username = XFields.String(user, path, "username", required: true, errors);
            var name = XFields.String(user, path, "name", required: false, errors);
            if (id is not null && username is not null)
            {
                var followers = XFields.TryGet(user, "public_metrics", out var metrics) ? FollowerCounts.FromPlatform(metrics, "followers_count") : null;
                users.TryAdd(id, new PostAuthor(username, string.IsNullOrWhiteSpace(name) ? null : name, followers));
            }
        }
        return users;
    }
}

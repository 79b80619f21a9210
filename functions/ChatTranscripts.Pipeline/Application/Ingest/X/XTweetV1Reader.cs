using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ingest.X;

/// <summary>Turns a v1.1 Tweet object (the shape inside Account Activity's <c>tweet_create_events</c>) into a canonical post.</summary>
public static class XTweetV1Reader
{
    public static CanonicalPost? Read(JsonElement tweet, string path, ValidationErrors errors)
    {
        if (tweet.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "must be a Tweet object.");
            return null;
        }
        var before = errors.Count;
        var id = XFields.Id(tweet, path, "id_str", required: true, errors);
        var createdAt = CreatedAt(tweet, path, errors);
        var author = Author(tweet, path, errors);
        var (text, textPath) = Text(tweet, path, errors);
        var inReplyToId = XFields.Id(tweet, path, "in_reply_to_status_id_str", required: false, errors);
        var inReplyToHandle = XFields.String(tweet, path, "in_reply_to_screen_name", required: false, errors);
        var quotedId = QuotedId(tweet, path, errors);
        var retweeted = XFields.Object(tweet, path, "retweeted_status", required: false, errors);
        var repostOfId = retweeted is { } original ? XFields.Id(original, XFields.PathOf(path, "retweeted_status"), "id_str", required: true, errors) : null;
        var lang = XFields.String(tweet, path, "lang", required: false, errors);
        if (errors.Count != before || id is null || createdAt is null || author is null || text is null)
        {
            return null;
        }

        var post = new CanonicalPost
        {
            Platform = XDeliveryReader.Platform,
            Id = id,
            Author = author,
            Text = text,
            CreatedAt = createdAt.Value,
            InReplyToId = inReplyToId,
            InReplyToHandle = inReplyToId is null ? null : inReplyToHandle,
            QuotedId = quotedId,
            RepostOfId = repostOfId,
            Url = XFields.StatusUrl(author.Handle, id),
            Lang = XFields.Language(lang),
        };
        return PlatformPostCheck.Check(post, new Dictionary<string, string>
        {
            ["id"] = XFields.PathOf(path, "id_str"),
            ["author.handle"] = XFields.PathOf(path, "user.screen_name"),
            ["author.displayName"] = XFields.PathOf(path, "user.name"),
            ["text"] = textPath,
            ["createdAt"] = XFields.PathOf(path, "created_at"),
            ["inReplyToId"] = XFields.PathOf(path, "in_reply_to_status_id_str"),
            ["inReplyToHandle"] = XFields.PathOf(path, "in_reply_to_screen_name"),
            ["quotedId"] = XFields.PathOf(path, "quoted_status_id_str"),
            ["repostOfId"] = XFields.PathOf(path, "retweeted_status.id_str"),
            ["url"] = XFields.PathOf(path, "user.screen_name"),
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
        if (!XCreatedAt.TryParseV1(value, out var createdAt))
        {
            errors.Add(XFields.PathOf(path, "created_at"), "must be X's v1.1 date, such as 'Mon Aug 06 12:04:31 +0000 2012'.");
            return null;
        }
        return createdAt;
    }

    private static PostAuthor? Author(JsonElement tweet, string path, ValidationErrors errors)
    {
        var user = XFields.Object(tweet, path, "user", required: true, errors);
        if (user is not { } found)
        {
            return null;
        }
        var userPath = XFields.PathOf(path, "user");
        var handle = XFields.String(found, userPath, "screen_name", required: true, errors);
        var name = XFields.String(found, userPath, "name", required: false, errors);
        return handle is null ? null : new PostAuthor(handle, string.IsNullOrWhiteSpace(name) ? null : name, FollowerCounts.FromPlatform(found, "followers_count"));
    }

    /// <summary>
    /// The whole text, wherever this Tweet's mode put it: <c>note_tweet.text</c> for a long post, <c>extended_tweet.full_text</c> when a streamed Tweet is
    /// truncated, <c>full_text</c> in extended mode, else <c>text</c>. A retweet's own text is cut to 140 characters,
    /// so it is rebuilt as <c>RT @author: </c> and the original's whole text, keeping hashtags past the cut.
    /// </summary>
    private static (string? Text, string Path) Text(JsonElement tweet, string path, ValidationErrors errors)
    {
        if (XFields.TryGet(tweet, "retweeted_status", out var original) && original.ValueKind == JsonValueKind.Object
            && XFields.TryGet(original, "user", out var originalUser) && XFields.TryGet(originalUser, "screen_name", out var originalHandle)
            && originalHandle.ValueKind == JsonValueKind.String && JsonText.TryGetString(originalHandle, out var handle))
        {
            var originalPath = XFields.PathOf(path, "retweeted_status");
            var (originalText, originalTextPath) = OwnText(original, originalPath, errors);
            return (originalText is null ? null : $"RT @{handle}: {originalText}", originalTextPath);
        }
        return OwnText(tweet, path, errors);
    }

    private static (string? Text, string Path) OwnText(JsonElement tweet, string path, ValidationErrors errors)
    {
        if (XNoteTweet.Read(tweet, path, errors) is { } note)
        {
            return (Unescaped(note.Text), note.Path);
        }
        if (XFields.TryGet(tweet, "extended_tweet", out var extended) && extended.ValueKind == JsonValueKind.Object
            && XFields.TryGet(extended, "full_text", out _))
        {
            var extendedPath = XFields.PathOf(path, "extended_tweet");
            return (Unescaped(XFields.String(extended, extendedPath, "full_text", required: true, errors)), XFields.PathOf(extendedPath, "full_text"));
        }
        var field = XFields.TryGet(tweet, "full_text", out _) ? "full_text" : "text";
        return (Unescaped(XFields.String(tweet, path, field, required: true, errors)), XFields.PathOf(path, field));
    }

    private static string? Unescaped(string? text) => text is null ? null : XFields.UnescapeText(text);

    /// <summary><c>quoted_status_id_str</c>, or the embedded <c>quoted_status</c>'s <c>id_str</c> when only that was sent.</summary>
    private static string? QuotedId(JsonElement tweet, string path, ValidationErrors errors)
    {
        if (XFields.TryGet(tweet, "quoted_status_id_str", out _))
        {
            return XFields.Id(tweet, path, "quoted_status_id_str", required: true, errors);
        }
        return XFields.Object(tweet, path, "quoted_status", required: false, errors) is { } quoted
            ? XFields.Id(quoted, XFields.PathOf(path, "quoted_status"), "id_str", required: true, errors)
            : null;
    }
}

using System.Globalization;
using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ingest.Bluesky;

/// <summary>
/// Reads what the relay forwards: one Jetstream event or an array of 1–100. A <c>commit</c> to
/// <c>app.bsky.feed.post</c> becomes a post (<c>create</c>, <c>update</c>) or a deletion (<c>delete</c>); events of
/// other kinds and collections are ignored.
/// </summary>
public static class JetstreamEventReader
{
    public const string Platform = "bluesky";
    public const int MaxBatch = PostReader.MaxBatch;

    /// <summary>What errors call the events of an array: <c>events[2].commit.record.text</c>.</summary>
    public const string BatchField = "events";

    /// <summary>Every change in the delivery, in order; on any unreadable event, none and the errors of all events.</summary>
    public static IReadOnlyList<BlueskyChange> Read(JsonElement body, ValidationErrors errors)
    {
        switch (body.ValueKind)
        {
            case JsonValueKind.Object:
                var single = ReadEvent(body, "", errors);
                return errors.IsEmpty && single is not null ? [single] : [];
            case JsonValueKind.Array:
                var count = body.GetArrayLength();
                if (count is < 1 or > MaxBatch)
                {
                    errors.Add(BatchField, string.Create(CultureInfo.InvariantCulture, $"must be a Jetstream event or an array of 1 to {MaxBatch} events (got {count})."));
                    return [];
                }
                var changes = new List<BlueskyChange>(count);
                var index = 0;
                foreach (var item in body.EnumerateArray())
                {
                    if (ReadEvent(item, string.Create(CultureInfo.InvariantCulture, $"{BatchField}[{index++}]"), errors) is { } change)
                    {
                        changes.Add(change);
                    }
                }
                return errors.IsEmpty ? changes : [];
            default:
                errors.Add(BatchField, "must be a Jetstream event object or an array of them.");
                return [];
        }
    }

    /// <summary>Null when the event is ignored or unreadable (then with errors).</summary>
    private static BlueskyChange? ReadEvent(JsonElement element, string path, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path.Length == 0 ? "$" : path, "must be a Jetstream event object.");
            return null;
        }
        var fields = new JsonFieldReader(element, path, errors);
        var kind = fields.String("kind", required: true, 1, int.MaxValue);
        if (kind != "commit")
        {
            return null;
        }
        var commit = fields.Object("commit", required: true);
        var collection = commit?.String("collection", required: true, 1, int.MaxValue);
        if (collection != BlueskyPostUri.PostCollection)
        {
            return null;
        }
        var before = errors.Count;
        var did = fields.String("did", required: true, 1, int.MaxValue);
        var rkey = commit!.String("rkey", required: true, 1, int.MaxValue);
        var operation = commit.String("operation", required: true, 1, int.MaxValue);
        // Only an edit needs the event time (its version); deletions and creations do without it.
        var editedAt = operation == "update" ? TimeOf(element, fields) : null;
        if (errors.Count != before || did is null || rkey is null || operation is null)
        {
            return null;
        }
        var id = BlueskyPostUri.Id(did, rkey);
        switch (operation)
        {
            case "delete":
                if (!PostReader.IsValidIdentifier(id))
                {
                    errors.Add(fields.PathOf("did"), $"with the record key must make an id of 1 to {PostReader.MaxIdLength} characters.");
                    return null;
                }
                return new BlueskyChange(null, new PostDeletion(Platform, id));
            case "create" or "update":
                var post = ReadPost(element, fields, commit, did, rkey, editedAt, errors);
                return post is null ? null : new BlueskyChange(post, null);
            default:
                errors.Add(commit.PathOf("operation"), "must be create, update or delete.");
                return null;
        }
    }

    private static CanonicalPost? ReadPost(
        JsonElement element, JsonFieldReader fields, JsonFieldReader commit, string did, string rkey, DateTimeOffset? editedAt, ValidationErrors errors)
    {
        var before = errors.Count;
        var handle = fields.String("handle", required: false, 0, int.MaxValue);
        var record = commit.Object("record", required: true);
        if (record is null)
        {
            return null;
        }
        var text = BlueskyLinkFacets.Expand(
            record.String("text", required: false, 0, int.MaxValue) ?? "",
            element.GetProperty("commit").GetProperty("record"));
        var createdAt = record.Timestamp("createdAt", required: true);
        var inReplyToId = ReplyParent(record);
        var lang = record.StringArray("langs", required: false, 0, int.MaxValue, (item, _) => item)?.FirstOrDefault();
        // Posts with only media carry no text for a transcript to show; they are acknowledged and not stored.
        if (errors.Count != before || createdAt is null || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var post = new CanonicalPost
        {
            Platform = Platform,
            Id = BlueskyPostUri.Id(did, rkey),
            Author = new PostAuthor(string.IsNullOrWhiteSpace(handle) ? did : handle, null),
            Text = text,
            CreatedAt = createdAt.Value,
            InReplyToId = inReplyToId,
            QuotedId = QuotedId(element),
            Url = BlueskyPostUri.WebUrl(did, rkey),
            Lang = lang,
            EditedAt = editedAt,
        };
        return PlatformPostCheck.Check(post, SourceOfField(fields, record, handle is not null), errors);
    }

    private static string? ReplyParent(JsonFieldReader record)
    {
        var parent = record.Object("reply", required: false)?.Object("parent", required: true);
        var uri = parent?.String("uri", required: true, 1, int.MaxValue);
        if (uri is null)
        {
            return null;
        }
        var id = BlueskyPostUri.IdOf(uri);
        if (id is null)
        {
            parent!.Errors.Add(parent.PathOf("uri"), "must be an at:// URI of an app.bsky.feed.post record.");
        }
        return id;
    }

    /// <summary>A quote is an embedded record (alone or with media) that is a post; quotes of feeds or lists are not posts.</summary>
    private static string? QuotedId(JsonElement element)
    {
        if (!TryGet(element, out var embed, "commit", "record", "embed") || !TryGet(embed, out var embedded, "record"))
        {
            return null;
        }
        // app.bsky.embed.recordWithMedia nests the strong ref one level deeper than app.bsky.embed.record.
        if (TryGet(embedded, out var nested, "record"))
        {
            embedded = nested;
        }
        return TryGet(embedded, out var uri, "uri") && uri.ValueKind == JsonValueKind.String && JsonText.TryGetString(uri, out var text)
            ? BlueskyPostUri.IdOf(text)
            : null;
    }

    /// <summary>When the event happened (<c>time_us</c>, microseconds since 1970): an edit's version.</summary>
    private static DateTimeOffset? TimeOf(JsonElement element, JsonFieldReader fields)
    {
        if (!element.TryGetProperty("time_us", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            fields.Errors.Add(fields.PathOf("time_us"), "is required.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var microseconds) || microseconds < 0
            || microseconds >= new DateTimeOffset(9000, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000)
        {
            fields.Errors.Add(fields.PathOf("time_us"), "must be microseconds since 1970-01-01 as an integer.");
            return null;
        }
        return DateTimeOffset.UnixEpoch.AddTicks(microseconds * (TimeSpan.TicksPerMillisecond / 1000));
    }

    private static Dictionary<string, string> SourceOfField(JsonFieldReader fields, JsonFieldReader record, bool hasHandle) => new(StringComparer.Ordinal)
    {
        ["id"] = fields.PathOf("did"),
        ["author.handle"] = fields.PathOf(hasHandle ? "handle" : "did"),
        ["text"] = record.PathOf("text"),
        ["createdAt"] = record.PathOf("createdAt"),
        ["inReplyToId"] = record.PathOf("reply.parent.uri"),
        ["quotedId"] = record.PathOf("embed"),
        ["url"] = fields.PathOf("did"),
        ["lang"] = record.PathOf("langs"),
        ["editedAt"] = fields.PathOf("time_us"),
    };

    private static bool TryGet(JsonElement element, out JsonElement found, params string[] path)
    {
        found = element;
        foreach (var property in path)
        {
            if (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty(property, out found))
            {
                return false;
            }
        }
        return found.ValueKind != JsonValueKind.Null;
    }
}

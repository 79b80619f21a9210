using System.Globalization;
using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ingest.X;

/// <summary>
/// Reads one X delivery: Account Activity (<c>tweet_create_events</c>, <c>tweet_delete_events</c>; other
/// <c>*_events</c> are ignored) or a v2 filtered-stream delivery (<c>data</c>). All or nothing: any unreadable item
/// makes the whole delivery null, with every reason in the errors.
/// </summary>
public static class XDeliveryReader
{
    public const string Platform = "twitter";

    private const string CreateEvents = "tweet_create_events";
    private const string DeleteEvents = "tweet_delete_events";

    public static IngestDelivery? Read(JsonElement body, ValidationErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "must be an X webhook delivery object.");
            return null;
        }
        var hasCreates = body.TryGetProperty(CreateEvents, out var creates);
        var hasDeletes = body.TryGetProperty(DeleteEvents, out var deletes);
        IngestDelivery? delivery;
        if (hasCreates || hasDeletes)
        {
            var posts = hasCreates ? Items(creates, CreateEvents, errors, XTweetV1Reader.Read) : [];
            var deletions = hasDeletes ? Items(deletes, DeleteEvents, errors, ReadDeletion) : [];
            delivery = new IngestDelivery(posts, deletions);
        }
        else if (body.TryGetProperty("data", out _))
        {
            delivery = new IngestDelivery(XTweetV2Reader.Read(body, errors), []);
        }
        else if (UnusedEventType(body) is { } type)
        {
            return IngestDelivery.Ignored($"'{type}' deliveries are not used.");
        }
        else
        {
            errors.Add(CreateEvents, $"is required: the body is neither an Account Activity delivery ({CreateEvents}, {DeleteEvents}, other *_events) nor a filtered-stream delivery (data).");
            return null;
        }
        return errors.IsEmpty ? delivery : null;
    }

    /// <summary>
    /// Account Activity names every event list <c>*_events</c> (favorite_events, follow_events, …) and sends
    /// <c>user_event</c> for revoked access; the stream sends <c>errors</c> alone when it has a problem to report.
    /// </summary>
    private static string? UnusedEventType(JsonElement body) =>
        body.EnumerateObject().Select(p => p.Name)
            .FirstOrDefault(name => name.EndsWith("_events", StringComparison.Ordinal) || name is "user_event" or "errors");

    private static PostDeletion? ReadDeletion(JsonElement deleteEvent, string path, ValidationErrors errors)
    {
        var status = XFields.Object(deleteEvent, path, "status", required: true, errors);
        if (status is not { } found)
        {
            return null;
        }
        // The delete event names the post in status.id, sent as a string; id_str is taken as well should X add it.
        var statusPath = XFields.PathOf(path, "status");
        var idField = XFields.TryGet(found, "id_str", out _) ? "id_str" : "id";
        var id = XFields.Id(found, statusPath, idField, required: true, errors);
        if (id is null)
        {
            return null;
        }
        if (!PostReader.IsValidIdentifier(id))
        {
            errors.Add(XFields.PathOf(statusPath, idField), $"must be 1 to {PostReader.MaxIdLength} characters without control characters.");
            return null;
        }
        return new PostDeletion(XDeliveryReader.Platform, id);
    }

    private static List<T> Items<T>(JsonElement list, string field, ValidationErrors errors, Func<JsonElement, string, ValidationErrors, T?> read)
        where T : class
    {
        var items = new List<T>();
        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(field, "must be an array.");
            return items;
        }
        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{field}[{index++}]");
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, "must be an object.");
                continue;
            }
            if (read(element, path, errors) is { } item)
            {
                items.Add(item);
            }
        }
        return items;
    }
}

using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ingest.Mastodon;

/// <summary>
/// Reads a Mastodon admin webhook body (<c>{"event", "created_at", "object"}</c>): <c>status.created</c> and
/// <c>status.updated</c> become canonical posts (or a deletion, when an edit takes a status out of public view); every
/// other event is acknowledged and ignored.
/// </summary>
public static class MastodonEventReader
{
    public const string Platform = "mastodon";
    public const string StatusCreated = "status.created";
    public const string StatusUpdated = "status.updated";

    private static readonly Dictionary<string, string> SourceOfField = new(StringComparer.Ordinal)
    {
        ["id"] = "object.id",
        ["author.handle"] = "object.account.acct",
        ["author.displayName"] = "object.account.display_name",
        ["text"] = "object.content",
        ["createdAt"] = "object.created_at",
        ["inReplyToId"] = "object.in_reply_to_id",
        ["inReplyToHandle"] = "object.mentions",
        ["quotedId"] = "object.quote",
        ["repostOfId"] = "object.reblog.id",
        ["url"] = "object.url",
        ["lang"] = "object.language",
        ["editedAt"] = "object.edited_at",
    };

    /// <summary>Null when the body cannot be read; <paramref name="errors"/> then names every field that is wrong.</summary>
    public static MastodonWebhookEvent? Read(JsonElement body, ValidationErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "must be a Mastodon webhook object with 'event' and 'object'.");
            return null;
        }
        var fields = new JsonFieldReader(body, "", errors);
        var type = fields.String("event", required: true, 1, 100);
        if (type is null)
        {
            return null;
        }
        if (type is not (StatusCreated or StatusUpdated))
        {
            return new MastodonWebhookEvent(type, null, $"'{type}' events are not used.");
        }
        var isEdit = type == StatusUpdated;
        var deliveredAt = fields.Timestamp("created_at", required: false);
        var status = fields.Object("object", required: true);
        if (status is null || !body.TryGetProperty("object", out var statusElement))
        {
            return null;
        }
        // Admin webhooks report every local status, followers-only and direct messages too; a transcript is public,
        // so only what anyone may already read on the web is taken (an unknown visibility is not assumed public).
        var visibility = status.String("visibility", required: false, 0, int.MaxValue);
        if (visibility is not (null or "public" or "unlisted"))
        {
            // An edit that makes a public status private or direct withdraws it: what it said before is deleted from
            // transcripts, as if the status had been deleted (its author can no longer be read saying it in public).
            if (isEdit)
            {
                var id = PostReader.Identifier(status, "id", required: true);
                return id is null || !errors.IsEmpty ? null : new MastodonWebhookEvent(type, null, null, new PostDeletion(Platform, id));
            }
            return errors.IsEmpty ? new MastodonWebhookEvent(type, null, $"'{visibility}' statuses are not published.") : null;
        }
        var post = ReadStatus(statusElement, status, isEdit, deliveredAt, errors);
        if (post is null)
        {
            return errors.IsEmpty ? new MastodonWebhookEvent(type, null, "The status has no text.") : null;
        }
        var checkedPost = PlatformPostCheck.Check(post, SourceOfField, errors);
        return checkedPost is null ? null : new MastodonWebhookEvent(type, checkedPost, null);
    }

    /// <summary>Null with no errors recorded when the status is readable but has no text to show (media only).</summary>
    private static CanonicalPost? ReadStatus(JsonElement element, JsonFieldReader status, bool isEdit, DateTimeOffset? deliveredAt, ValidationErrors errors)
    {
        var before = errors.Count;
        var id = status.String("id", required: true, 1, int.MaxValue);
        var createdAt = status.Timestamp("created_at", required: true);
        var editedAt = isEdit ? status.Timestamp("edited_at", required: false) ?? deliveredAt : null;
        if (isEdit && editedAt is null && errors.Count == before)
        {
            errors.Add("object.edited_at", "is required for status.updated when the event has no created_at.");
        }
        var account = status.Object("account", required: true);
        var author = account is null ? null : ReadAuthor(account, element.GetProperty("account"));
        var inReplyToId = NonEmpty(status.String("in_reply_to_id", required: false, 0, int.MaxValue));
        var url = NonEmpty(status.String("url", required: false, 0, int.MaxValue));
        var lang = NonEmpty(status.String("language", required: false, 0, int.MaxValue));
        var text = TextOf(status);
        string? repostOfId = null;
        if (status.Object("reblog", required: false) is { } reblog)
        {
            repostOfId = reblog.String("id", required: true, 1, int.MaxValue);
            // Mastodon sends a reblog with empty content of its own; the transcript counts it by the reblogged text.
            text = text.Length > 0 ? text : TextOf(reblog);
        }
        if (errors.Count != before || id is null || createdAt is null || author is null || text.Length == 0)
        {
            return null;
        }
        return new CanonicalPost
        {
            Platform = Platform,
            Id = id,
            Author = author,
            Text = text,
            CreatedAt = createdAt.Value,
            InReplyToId = inReplyToId,
            InReplyToHandle = inReplyToId is null ? null : RepliedToHandle(element, author.Handle),
            QuotedId = QuotedId(element),
            RepostOfId = repostOfId,
            Url = url,
            Lang = lang,
            EditedAt = editedAt,
        };
    }

    private static PostAuthor? ReadAuthor(JsonFieldReader account, JsonElement accountObject)
    {
        var acct = account.String("acct", required: true, 1, int.MaxValue);
        var profileUrl = account.String("url", required: false, 0, int.MaxValue);
        var displayName = NonEmpty(account.String("display_name", required: false, 0, int.MaxValue));
        return acct is null ? null : new PostAuthor(UniqueHandle(acct, profileUrl), displayName, FollowerCounts.FromPlatform(accountObject, "followers_count"));
    }

    /// <summary>
    /// Remote accounts' <c>acct</c> is already <c>user@server</c>; a local account's is just <c>user</c>, so its server
    /// (from the profile URL) is appended: handles then stay unique across the fediverse and look alike for everyone.
    /// </summary>
    public static string UniqueHandle(string acct, string? profileUrl)
    {
        var handle = Handles.Normalise(acct);
        if (handle.Contains('@', StringComparison.Ordinal)
            || !Uri.TryCreate(profileUrl, UriKind.Absolute, out var profile)
            || (profile.Scheme != Uri.UriSchemeHttps && profile.Scheme != Uri.UriSchemeHttp))
        {
            return handle;
        }
        return $"{handle}@{profile.IdnHost}";
    }

    /// <summary>The content as plain text; a status whose content is empty but has a content warning shows the warning.</summary>
    private static string TextOf(JsonFieldReader status)
    {
        var html = status.String("content", required: false, 0, int.MaxValue) ?? "";
        var text = MastodonHtml.ToText(html);
        return text.Length > 0 ? text : (status.String("spoiler_text", required: false, 0, int.MaxValue) ?? "").Trim();
    }

    /// <summary>The replied-to account is named only by id; its handle is that of the matching mention (or the author's, in a self-thread).</summary>
    private static string? RepliedToHandle(JsonElement status, string authorHandle)
    {
        if (!TryGetString(status, "in_reply_to_account_id", out var accountId))
        {
            return null;
        }
        if (status.TryGetProperty("account", out var account) && TryGetString(account, "id", out var authorId) && authorId == accountId)
        {
            return authorHandle;
        }
        if (!status.TryGetProperty("mentions", out var mentions) || mentions.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        foreach (var mention in mentions.EnumerateArray())
        {
            if (mention.ValueKind == JsonValueKind.Object
                && TryGetString(mention, "id", out var mentionId) && mentionId == accountId
                && TryGetString(mention, "acct", out var acct))
            {
                return UniqueHandle(acct, TryGetString(mention, "url", out var url) ? url : null);
            }
        }
        return null;
    }

    /// <summary>Mastodon 4.4+ quotes: <c>quote.quoted_status.id</c>, or <c>quote.quoted_status_id</c> in the shallow form.</summary>
    private static string? QuotedId(JsonElement status)
    {
        if (!status.TryGetProperty("quote", out var quote) || quote.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (quote.TryGetProperty("quoted_status", out var quoted) && quoted.ValueKind == JsonValueKind.Object && TryGetString(quoted, "id", out var id))
        {
            return id;
        }
        return TryGetString(quote, "quoted_status_id", out var shallowId) ? shallowId : null;
    }

    private static bool TryGetString(JsonElement element, string property, out string value)
    {
        value = "";
        // Half a surrogate pair is not text: these optional fields are then simply absent.
        return element.TryGetProperty(property, out var found) && found.ValueKind == JsonValueKind.String
            && JsonText.TryGetString(found, out value) && value.Length > 0;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

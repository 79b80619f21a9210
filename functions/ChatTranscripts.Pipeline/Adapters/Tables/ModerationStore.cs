using Azure;
using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Moderation;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>
/// The Moderation table: a partition per session (its hidden posts, its account blocks and its rules) and a partition
/// per hashtag for series blocks, so a session's moderation is read in one query per partition, and a series block
/// reaches sessions registered after it. Stored posts are never touched: moderation is applied when transcripts are built.
/// </summary>
public sealed class ModerationStore(PipelineTables tables) : IModerationStore
{
    private const string RulesRow = "rules";
    private const string PostPrefix = "post:";

    public async Task<ModerationState> LoadAsync(string sessionId, IReadOnlyList<string> hashtags, CancellationToken cancellationToken)
    {
        var posts = new List<HiddenPostEntry>();
        var accounts = new List<BlockedAccountEntry>();
        RulesEntry? rules = null;
        await foreach (var entity in tables.Moderation.QueryAsync<TableEntity>(e => e.PartitionKey == SessionPartition(sessionId), cancellationToken: cancellationToken))
        {
            if (entity.RowKey == RulesRow)
            {
                rules = ReadRules(entity);
            }
            else if (entity.RowKey.StartsWith(PostPrefix, StringComparison.Ordinal))
            {
                posts.Add(new HiddenPostEntry(entity.GetString("Platform"), entity.GetString("PostId"), entity.GetString("Reason"), entity.GetString("Credential"), entity.GetString("Moderator"), entity.GetDateTimeOffset("At")!.Value.UtcDateTime));
            }
            else
            {
                accounts.Add(ReadBlock(entity, hashtag: null));
            }
        }
        foreach (var hashtag in hashtags.Distinct(StringComparer.Ordinal))
        {
            await foreach (var entity in tables.Moderation.QueryAsync<TableEntity>(e => e.PartitionKey == SeriesPartition(hashtag), cancellationToken: cancellationToken))
            {
                accounts.Add(ReadBlock(entity, hashtag));
            }
        }
        return new ModerationState(
            [.. posts.OrderBy(p => p.At).ThenBy(p => p.Platform, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)],
            [.. accounts.OrderBy(a => a.At).ThenBy(a => a.Platform, StringComparer.Ordinal).ThenBy(a => a.Handle, StringComparer.Ordinal).ThenBy(a => a.Hashtag, StringComparer.Ordinal)],
            rules);
    }

    /// <summary>Hides the post in the session; true when it was not hidden before (a second hide replaces the reason).</summary>
    public Task<bool> HidePostAsync(string sessionId, PostKey post, string reason, Moderator moderator, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entity = Audited(new TableEntity(SessionPartition(sessionId), PostRow(post)), reason, moderator, at);
        entity["Platform"] = post.Platform;
        entity["PostId"] = post.Id;
        return AddOrReplaceAsync(entity, cancellationToken);
    }

    public Task<bool> UnhidePostAsync(string sessionId, PostKey post, CancellationToken cancellationToken) =>
        DeleteAsync(SessionPartition(sessionId), PostRow(post), cancellationToken);

    /// <summary>Blocks the account in each partition of the scope; true when it was not blocked in at least one of them.</summary>
    public async Task<bool> BlockAccountAsync(
        SessionRecord session, BlockScope scope, string platform, string handle, string reason, Moderator moderator, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var added = false;
        foreach (var partition in Partitions(session, scope))
        {
            var entity = Audited(new TableEntity(partition, AccountRow(platform, handle)), reason, moderator, at);
            entity["Platform"] = platform;
            entity["Handle"] = handle;
            added |= await AddOrReplaceAsync(entity, cancellationToken);
        }
        return added;
    }

    /// <summary>True when the account was blocked in at least one of the partitions.</summary>
    public async Task<bool> UnblockAccountAsync(SessionRecord session, BlockScope scope, string platform, string handle, CancellationToken cancellationToken)
    {
        var removed = false;
        foreach (var partition in Partitions(session, scope))
        {
            removed |= await DeleteAsync(partition, AccountRow(platform, handle), cancellationToken);
        }
        return removed;
    }

    public Task SetRulesAsync(string sessionId, ModerationRules rules, Moderator moderator, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(SessionPartition(sessionId), RulesRow)
        {
            ["DuplicateTextMinAccounts"] = rules.DuplicateText?.MinAccounts,
            ["MaxHashtags"] = rules.MaxHashtags,
            ["Credential"] = moderator.Credential,
            ["Moderator"] = moderator.Name,
            ["At"] = at,
        };
        return tables.Moderation.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>A series is every session that shares a hashtag with this one: its blocks are kept under each of this session's hashtags.</summary>
    private static IEnumerable<string> Partitions(SessionRecord session, BlockScope scope) =>
        scope == BlockScope.Series
            ? session.Definition.Hashtags.Select(SeriesPartition)
            : [SessionPartition(session.Id)];

    private static string SessionPartition(string sessionId) => "session:" + sessionId;

    private static string SeriesPartition(string hashtag) => "series:" + TableKeys.Escape(hashtag);

    private static string PostRow(PostKey post) => $"{PostPrefix}{post.Platform}:{TableKeys.Escape(post.Id)}";

    /// <summary>Keyed by the upper-cased handle, so any spelling of it finds the block; the entity keeps the handle as given.</summary>
    private static string AccountRow(string platform, string handle) => $"account:{platform}:{TableKeys.Escape(new AccountKey(platform, handle).Handle)}";

    private static TableEntity Audited(TableEntity entity, string reason, Moderator moderator, DateTimeOffset at)
    {
        entity["Reason"] = reason;
        entity["Credential"] = moderator.Credential;
        entity["Moderator"] = moderator.Name;
        entity["At"] = at;
        return entity;
    }

    private static BlockedAccountEntry ReadBlock(TableEntity entity, string? hashtag) => new(
        entity.GetString("Platform"),
        entity.GetString("Handle"),
        hashtag is null ? "session" : "series",
        hashtag,
        entity.GetString("Reason"),
        entity.GetString("Credential"),
        entity.GetString("Moderator"),
        entity.GetDateTimeOffset("At")!.Value.UtcDateTime);

    private static RulesEntry ReadRules(TableEntity entity) => new(
        entity.GetInt32("DuplicateTextMinAccounts") is { } minAccounts ? new DuplicateTextRule(minAccounts) : null,
        entity.GetInt32("MaxHashtags"),
        entity.GetString("Credential"),
        entity.GetString("Moderator"),
        entity.GetDateTimeOffset("At")!.Value.UtcDateTime);

    private async Task<bool> AddOrReplaceAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Moderation.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            await tables.Moderation.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace, cancellationToken);
            return false;
        }
    }

    private async Task<bool> DeleteAsync(string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            var response = await tables.Moderation.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}

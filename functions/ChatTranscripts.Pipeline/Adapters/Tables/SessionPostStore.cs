using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Membership;
using ChatTranscripts.Pipeline.Logic.Tagging;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>The tagged and threaded posts of each session: partition = session id, row = post key.</summary>
public sealed class SessionPostStore(PipelineTables tables) : ISessionPostStore
{
    private const string HashColumn = "Hash";

    public async Task<IReadOnlyList<SessionPost>> LoadAsync(string sessionId, CancellationToken cancellationToken)
    {
        var posts = new List<SessionPost>();
        await foreach (var entity in tables.Posts.QueryAsync<TableEntity>(e => e.PartitionKey == sessionId, cancellationToken: cancellationToken))
        {
            posts.Add(Read(entity));
        }
        return posts;
    }

    /// <summary>RowKey → content hash of every row of the session's partition: enough to tell what a change must write.</summary>
    public async Task<PartitionRowHashes> LoadRowHashesAsync(string sessionId, CancellationToken cancellationToken)
    {
        var stored = new PartitionRowHashes();
        await foreach (var entity in tables.Posts.QueryAsync<TableEntity>(
            e => e.PartitionKey == sessionId, select: ["RowKey", HashColumn], cancellationToken: cancellationToken))
        {
            stored.Set(entity.RowKey, entity.GetString(HashColumn));
        }
        return stored;
    }

    /// <summary>The row key of a post in its session's partition.</summary>
    public string RowOf(PostKey key) => RowKey(key);

    private static string RowKey(PostKey key) => TableKeys.Escape(key.ToString());

    /// <summary>
    /// Writes the rows of <paramref name="posts"/> whose content differs from what the partition holds
    /// (<paramref name="stored"/>, updated to match once written) and removes the rows <paramref name="removals"/> names.
    /// Returns the posts storage refused to hold (with its reason); everything else is written.
    /// </summary>
    public async Task<IReadOnlyDictionary<PostKey, string>> WriteChangesAsync(
        string sessionId, IEnumerable<SessionPost> posts, IEnumerable<string> removals, PartitionRowHashes stored, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        var keyOfRow = new Dictionary<string, PostKey>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            var rowKey = RowKey(post.Key);
            var hash = RowHash(post);
            keyOfRow[rowKey] = post.Key;
            if (!stored.TryGetValue(rowKey, out var storedHash) || storedHash != hash)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, Write(sessionId, rowKey, post, hash)));
            }
        }
        foreach (var rowKey in removals.Where(rowKey => stored.TryGetValue(rowKey, out _)))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(sessionId, rowKey), ETag.All));
        }
        var refused = await TableBatches.SubmitIsolatingAsync(tables.Posts, actions, cancellationToken);
        var refusedRows = refused.ToDictionary(r => r.Action.Entity.RowKey, r => r.Reason, StringComparer.Ordinal);
        foreach (var action in actions.Where(a => !refusedRows.ContainsKey(a.Entity.RowKey)))
        {
            if (action.ActionType == TableTransactionActionType.Delete)
            {
                stored.Remove(action.Entity.RowKey);
            }
            else
            {
                stored.Set(action.Entity.RowKey, (string)((TableEntity)action.Entity)[HashColumn]);
            }
        }
        return refusedRows.ToDictionary(r => keyOfRow[r.Key], r => r.Value);
    }

    private static string RowHash(SessionPost post) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(post, PipelineJson.Options)));

    private static TableEntity Write(string sessionId, string rowKey, SessionPost post, string hash)
    {
        var entity = new TableEntity(sessionId, rowKey);
        PostColumns.Write(entity, post.Post);
        entity["Kind"] = post.Kind.ToString();
        entity["Role"] = post.Role.ToString();
        LongStringColumn.Write(entity, "Hashtags", JsonSerializer.Serialize(post.Entities.Hashtags, PipelineJson.Options));
        LongStringColumn.Write(entity, "Mentions", JsonSerializer.Serialize(post.Entities.Mentions, PipelineJson.Options));
        LongStringColumn.Write(entity, "Urls", JsonSerializer.Serialize(post.Entities.Urls, PipelineJson.Options));
        entity["Question"] = post.Question;
        entity["AnswersQuestion"] = post.AnswersQuestion;
        entity["ThreadRootId"] = post.ThreadRoot.ToString();
        entity[HashColumn] = hash;
        return entity;
    }

    private static SessionPost Read(TableEntity entity) => new(
        PostColumns.Read(entity),
        new ExtractedEntities(Strings(entity, "Hashtags"), Strings(entity, "Mentions"), Strings(entity, "Urls")),
        Enum.Parse<PostKind>(entity.GetString("Kind")),
        Enum.Parse<AuthorRole>(entity.GetString("Role")),
        entity.GetInt32("Question"),
        entity.GetInt32("AnswersQuestion"),
        PostKey.Parse(entity.GetString("ThreadRootId")));

    private static string[] Strings(TableEntity entity, string column) =>
        JsonSerializer.Deserialize<string[]>(LongStringColumn.Read(entity, column) ?? "[]", PipelineJson.Options) ?? [];
}

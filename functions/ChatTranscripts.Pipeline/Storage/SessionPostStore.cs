using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Ingest;
using ChatTranscripts.Pipeline.Tagging;
using ChatTranscripts.Pipeline.Threading;

namespace ChatTranscripts.Pipeline.Storage;

/// <summary>The tagged and threaded posts of each session: partition = session id, row = post key.</summary>
public sealed class SessionPostStore(PipelineTables tables)
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

    /// <summary>
    /// Makes the session's partition hold exactly <paramref name="desired"/>, writing only what differs.
    /// Returns a digest of the desired content, the same for the same posts however they arrived.
    /// </summary>
    public async Task<string> ReplaceAsync(string sessionId, IReadOnlyList<SessionPost> desired, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var entity in tables.Posts.QueryAsync<TableEntity>(
            e => e.PartitionKey == sessionId, select: ["RowKey", HashColumn], cancellationToken: cancellationToken))
        {
            stored[entity.RowKey] = entity.GetString(HashColumn);
        }

        var actions = new List<TableTransactionAction>();
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var post in desired)
        {
            var entity = Write(sessionId, post);
            wanted.Add(entity.RowKey);
            digest.AppendData(Convert.FromHexString((string)entity[HashColumn]));
            if (!stored.TryGetValue(entity.RowKey, out var hash) || hash != (string)entity[HashColumn])
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            }
        }
        foreach (var rowKey in stored.Keys.Where(k => !wanted.Contains(k)))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(sessionId, rowKey), ETag.All));
        }
        await TableBatches.SubmitAsync(tables.Posts, actions, cancellationToken);
        return Convert.ToHexString(digest.GetHashAndReset());
    }

    /// <summary>Whether the session holds the post; answers with the post's creation time, which locates its received copy.</summary>
    public async Task<DateTimeOffset?> FindAsync(string sessionId, PostKey key, CancellationToken cancellationToken)
    {
        var response = await tables.Posts.GetEntityIfExistsAsync<TableEntity>(sessionId, TableKeys.Escape(key.ToString()), ["CreatedAt"], cancellationToken);
        return response.HasValue ? response.Value!.GetDateTimeOffset("CreatedAt") : null;
    }

    private static TableEntity Write(string sessionId, SessionPost post)
    {
        var entity = new TableEntity(sessionId, TableKeys.Escape(post.Key.ToString()));
        PostColumns.Write(entity, post.Post);
        entity["Kind"] = post.Kind.ToString();
        entity["Role"] = post.Role.ToString();
        entity["Hashtags"] = JsonSerializer.Serialize(post.Entities.Hashtags, PipelineJson.Options);
        entity["Mentions"] = JsonSerializer.Serialize(post.Entities.Mentions, PipelineJson.Options);
        entity["Urls"] = JsonSerializer.Serialize(post.Entities.Urls, PipelineJson.Options);
        entity["Question"] = post.Question;
        entity["AnswersQuestion"] = post.AnswersQuestion;
        entity["ThreadRootId"] = post.ThreadRoot.ToString();
        entity[HashColumn] = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(post, PipelineJson.Options)));
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
        JsonSerializer.Deserialize<string[]>(entity.GetString(column) ?? "[]", PipelineJson.Options) ?? [];
}

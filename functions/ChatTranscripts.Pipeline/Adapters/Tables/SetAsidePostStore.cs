using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>
/// Posts that Table Storage refused (a property over 64 KiB, an entity over 1 MiB): set aside here with the reason,
/// for an operator, so that the rest of their batch is stored and their session goes on updating. Partition = where it
/// was refused: <see cref="ReceivedScope"/>, or <see cref="SessionScope"/> of the session whose Posts table refused it;
/// row = the post's key. A newer version of the post (an edit) is tried again.
/// </summary>
public sealed class SetAsidePostStore(PipelineTables tables, TimeProvider time) : ISetAsidePostStore
{
    public const string ReceivedScope = "ReceivedPosts";

    /// <summary>Descriptions of storage errors are short; this bounds a row whatever an error says.</summary>
    private const int MaxReasonLength = 2000;

    public static string SessionScope(string sessionId) => "Posts:" + sessionId;

    public Task RecordReceivedAsync(IEnumerable<SetAsidePost> posts, CancellationToken cancellationToken) =>
        RecordAsync(ReceivedScope, posts, cancellationToken);

    public Task RecordForSessionAsync(string sessionId, IEnumerable<SetAsidePost> posts, CancellationToken cancellationToken) =>
        RecordAsync(SessionScope(sessionId), posts, cancellationToken);

    private Task RecordAsync(string scope, IEnumerable<SetAsidePost> posts, CancellationToken cancellationToken) =>
        TableBatches.SubmitAsync(tables.SetAsidePosts, posts.Select(setAside => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace,
            new TableEntity(scope, TableKeys.Escape(setAside.Post.Key.ToString()))
            {
                ["Platform"] = setAside.Post.Platform,
                ["PostId"] = setAside.Post.Id,
                ["CreatedAt"] = setAside.Post.CreatedAt,
                ["Version"] = setAside.Version,
                ["Reason"] = setAside.Reason.Length <= MaxReasonLength ? setAside.Reason : setAside.Reason[..MaxReasonLength],
                ["SetAsideAt"] = time.GetUtcNow(),
            })), cancellationToken);

    /// <summary>Post key → the version the session's Posts table refused.</summary>
    public async Task<Dictionary<PostKey, string>> OfSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        var refused = new Dictionary<PostKey, string>();
        var scope = SessionScope(sessionId);
        await foreach (var row in tables.SetAsidePosts.QueryAsync<TableEntity>(
            e => e.PartitionKey == scope, select: ["Platform", "PostId", "Version"], cancellationToken: cancellationToken))
        {
            refused[new PostKey(row.GetString("Platform"), row.GetString("PostId"))] = row.GetString("Version");
        }
        return refused;
    }
}

using Azure.Data.Tables;
using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Processing;
using ChatTranscripts.Pipeline.Core;
using Microsoft.Extensions.Logging;

namespace ChatTranscripts.Pipeline.Adapters.Tables;

/// <summary>
/// Stores the versions of a batch that are newer than what ReceivedPosts holds, safely beside other processors: each
/// write is conditional on the row being as it was when the version was chosen (absent, or the same ETag), so two
/// processors holding different versions of a post can never store the older one last. A write that loses such a race
/// reads the batch's rows again and decides again.
/// </summary>
public sealed class ReceivedPostWriter(ReceivedPostStore received, ReceivedPostHours hours, ILogger<ReceivedPostWriter> logger) : IReceivedPostWriter
{
    /// <summary>Rounds of "read again, decide again" before the batch gives up (and is retried by the drainer).</summary>
    private const int MaxConflicts = 5;

    /// <summary>
    /// Writes each post whose version is newer than <paramref name="stored"/> says the row holds; returns how many were
    /// written and what else storing them did.
    /// </summary>
    public async Task<ReceivedWriteOutcome> WriteNewerAsync(
        IReadOnlyList<(CanonicalPost Post, string Hash)> posts, IReadOnlyDictionary<ReceivedPostRow, StoredVersion> stored, CancellationToken cancellationToken)
    {
        var current = new Dictionary<ReceivedPostRow, StoredVersion>(stored);
        StoredVersion InRowOf((CanonicalPost Post, string Hash) arrival) => current[ReceivedPostRow.Of(arrival.Post)];
        // Gathered over every round: a failed round's transactions before the failed one were committed.
        var displaced = new HashSet<DateTimeOffset>();
        for (var attempt = 1; ; attempt++)
        {
            // A version a snapshot vouched for has no ETag; only the rows about to be replaced need reading for one.
            var unread = posts.Where(p => InRowOf(p) is { Post: not null, ETag: null } version && IsNewer(p, version)).Select(p => p.Post).ToList();
            if (unread.Count > 0)
            {
                await ReadAsync(unread, current, cancellationToken);
            }
            var writes = posts.Where(p => IsNewer(p, InRowOf(p))).Select(p => (p.Post, p.Hash, Current: InRowOf(p))).ToList();
            var superseded = posts.Where(p => !IsNewer(p, InRowOf(p)) && InRowOf(p).Hash != p.Hash).Select(p => ReceivedPostRow.Of(p.Post)).ToHashSet();
            if (writes.Count == 0)
            {
                return new ReceivedWriteOutcome(0, [], superseded, displaced);
            }
            displaced.UnionWith(writes.Where(w => w.Current.Post is { } old && old.CreatedAt != w.Post.CreatedAt).Select(w => w.Current.Post!.CreatedAt));
            await hours.RecordAsync(writes.Select(w => w.Post), cancellationToken);
            try
            {
                var refused = await received.WriteOverAsync(writes, cancellationToken);
                return new ReceivedWriteOutcome(writes.Count - refused.Count, refused, superseded, displaced);
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412 && attempt < MaxConflicts)
            {
                logger.LogInformation(
                    "Received posts changed under the processor ({Status} {ErrorCode}); reading the batch's {Count} rows again", e.Status, e.ErrorCode, posts.Count);
                // Transactions before the failed one were committed: the batch's rows are read again, all of them.
                await ReadAsync(posts.Select(p => p.Post).ToList(), current, cancellationToken);
            }
        }
    }

    private async Task ReadAsync(IReadOnlyList<CanonicalPost> posts, Dictionary<ReceivedPostRow, StoredVersion> current, CancellationToken cancellationToken)
    {
        var read = await received.GetAsync(posts, cancellationToken);
        foreach (var post in posts)
        {
            var row = ReceivedPostRow.Of(post);
            current[row] = read.TryGetValue(row, out var version) ? version : StoredVersion.None;
        }
    }

    private static bool IsNewer((CanonicalPost Post, string Hash) arrival, StoredVersion stored) =>
        stored is not { Post: { } post, Hash: { } hash } || PostVersions.Compare(arrival.Post, arrival.Hash, post, hash) > 0;
}

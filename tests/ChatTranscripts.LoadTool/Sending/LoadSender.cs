using System.Diagnostics;
using ChatTranscripts.LoadTool.Generation;

namespace ChatTranscripts.LoadTool.Sending;

/// <summary>
/// Sends a chat's deliveries in batches, several requests in flight, paced to a rate when one is given, and records
/// when each distinct post was first accepted (the 202 of the first batch that carried any version of it).
/// </summary>
internal sealed class LoadSender
{
    private readonly SignedPostSender _sender;
    private readonly List<(byte[] Body, int[] PostIndexes)> _batches;
    private readonly double _rate;
    private readonly int _concurrency;
    private readonly long[] _firstAccepted;
    private long _sent;
    private long _accepted;

    public LoadSender(SignedPostSender sender, LoadChat chat, int batchSize, double rate, int concurrency)
    {
        _sender = sender;
        _rate = rate;
        _concurrency = concurrency;
        _firstAccepted = new long[chat.Expected.Count];
        // Serialised up front, so the timed part spends the client's share of the CPU on sending only.
        _batches = chat.Deliveries.Chunk(batchSize)
            .Select(batch => (SignedPostSender.Serialize(batch.Select(d => d.Post).ToArray()), batch.Select(d => d.PostIndex).ToArray()))
            .ToList();
    }

    /// <summary>Deliveries in requests sent at least once.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Deliveries in requests answered 202.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    public long Retries => _sender.Retries;

    public int Requests => _batches.Count;

    /// <summary><see cref="Stopwatch"/> timestamp of the first accepted version of each post; 0 while none is.</summary>
    public IReadOnlyList<long> FirstAccepted => _firstAccepted;

    public long StartedAt { get; private set; }

    public long FinishedAt { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        StartedAt = Stopwatch.GetTimestamp();
        var postsBefore = new long[_batches.Count];
        for (var i = 1; i < _batches.Count; i++)
        {
            postsBefore[i] = postsBefore[i - 1] + _batches[i - 1].PostIndexes.Length;
        }
        await Parallel.ForEachAsync(
            Enumerable.Range(0, _batches.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                if (_rate > 0)
                {
                    // Batch i is due when the posts before it have had their share of time at the given rate.
                    var due = TimeSpan.FromSeconds(postsBefore[i] / _rate) - Stopwatch.GetElapsedTime(StartedAt);
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due, ct);
                    }
                }
                var (body, indexes) = _batches[i];
                Interlocked.Add(ref _sent, indexes.Length);
                var result = await _sender.SendAsync(body, ct);
                if (!result.IsSuccess)
                {
                    var hint = result.Status == System.Net.HttpStatusCode.Unauthorized ? " Is --secret the host's Webhooks:Secret (and given only when the host has one)?" : "";
                    throw new InvalidOperationException($"POST {SignedPostSender.PostsPath} (batch {i + 1} of {_batches.Count}) failed: {result}{hint}");
                }
                var now = Stopwatch.GetTimestamp();
                foreach (var index in indexes)
                {
                    Interlocked.CompareExchange(ref _firstAccepted[index], now, 0);
                }
                Interlocked.Add(ref _accepted, indexes.Length);
            });
        FinishedAt = Stopwatch.GetTimestamp();
    }
}

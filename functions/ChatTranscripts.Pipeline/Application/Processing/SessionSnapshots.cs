using System.Collections.Concurrent;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Processing;

/// <summary>
/// The processor's snapshots of the sessions it routes to, kept between batches. A snapshot is used only while the
/// session record still carries the ETag the processor itself left, so another processor, an API change of the
/// definition or a publish makes the next batch read the session afresh. Snapshots nobody used for
/// <see cref="IdleLimit"/> are dropped, so sessions that ended stop holding memory.
/// </summary>
public sealed class SessionSnapshots(TimeProvider time)
{
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, SessionSnapshot> snapshots = new(StringComparer.Ordinal);

    public int Count => snapshots.Count;

    /// <summary>The snapshot of <paramref name="current"/>, if it is still exactly the record this processor left.</summary>
    public SessionSnapshot? TryGet(SessionRecord current)
    {
        if (snapshots.TryGetValue(current.Id, out var snapshot) && snapshot.Record.ETag == current.ETag && current.ETag is not null)
        {
            snapshot.LastUsed = time.GetUtcNow();
            return snapshot;
        }
        return null;
    }

    public void Keep(SessionSnapshot snapshot)
    {
        snapshot.LastUsed = time.GetUtcNow();
        snapshots[snapshot.Record.Id] = snapshot;
    }

    /// <summary>After a failure nothing known about storage can be trusted: the next batch reads every session afresh.</summary>
    public void Clear() => snapshots.Clear();

    public void DropIdle()
    {
        var cutoff = time.GetUtcNow() - IdleLimit;
        foreach (var (id, snapshot) in snapshots)
        {
            if (snapshot.LastUsed < cutoff)
            {
                snapshots.TryRemove(id, out _);
            }
        }
    }
}

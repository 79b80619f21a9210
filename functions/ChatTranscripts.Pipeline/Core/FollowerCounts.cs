using System.Text.Json;

namespace ChatTranscripts.Pipeline.Core;

/// <summary>An author's follower count, as senders give it and as the platforms' payloads carry it.</summary>
public static class FollowerCounts
{
    /// <summary>More accounts than there are people: anything above is not a follower count.</summary>
    public const long Max = 10_000_000_000;

    /// <summary>
    /// The count in <paramref name="field"/> of a platform's user or account object, or null when it is absent or not a
    /// plausible count. A platform payload is never refused over it: reach is a by-product, the post is what matters.
    /// </summary>
    public static long? FromPlatform(JsonElement owner, string field) =>
        owner.ValueKind == JsonValueKind.Object
        && owner.TryGetProperty(field, out var value)
        && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt64(out var count)
        && count is >= 0 and <= Max
            ? count
            : null;
}

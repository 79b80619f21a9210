using System.ComponentModel;

namespace ChatTranscripts.LocalHost.OpenApi;

/// <summary>What a platform webhook route answers, as the OpenAPI document shows it.</summary>
[Description("How many posts and deletions of the delivery were queued; a delivery holding nothing used is acknowledged with accepted 0.")]
public sealed record PlatformDeliveryAnswer
{
    public required int Accepted { get; init; }

    [Description("Only when the delivery holds nothing used (X, Mastodon): why.")]
    public string? Ignored { get; init; }
}

using System.Text.Json.Serialization;

namespace ChatTranscripts.Pipeline.Http.Ingest;

/// <summary>What an ingest route answers once it has a delivery: how many posts and deletions were queued, all of it.</summary>
/// <param name="Ignored">Only for a delivery that holds nothing used, when the route can say why.</param>
public sealed record DeliveryReceipt(
    int Accepted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Ignored = null);

using System.ComponentModel;

namespace ChatTranscripts.LocalHost.OpenApi;

/// <summary>What the ingest routes answer once a delivery is queued, as the OpenAPI document shows it.</summary>
[Description("How many posts and deletions were queued: all of the delivery.")]
public sealed record AcceptedCount(int Accepted);

using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Ingest.X;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Hosting;
using ChatTranscripts.Pipeline.Http.Ingest;
namespace ChatTranscripts.Pipeline.Http.Ingest.X;

public sealed class XWebhookOptions
{
    public const string Section = "Webhooks:X";

    /// <summary>The X app's consumer secret (API secret key): the key of both the CRC response and every delivery's signature.</summary>
    public string? ConsumerSecret { get; set; }
}

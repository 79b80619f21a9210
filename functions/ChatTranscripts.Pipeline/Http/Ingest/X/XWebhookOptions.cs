namespace ChatTranscripts.Pipeline.Http.Ingest.X;

public sealed class XWebhookOptions
{
    public const string Section = "Webhooks:X";

    /// <summary>The X app's consumer secret (API secret key): the key of both the CRC response and every delivery's signature.</summary>
    public string? ConsumerSecret { get; set; }
}

namespace ChatTranscripts.Pipeline.Http.Ingest;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The Standard Webhooks secret (<c>whsec_…</c>, base64 after the prefix). When set, every post must be signed with it.</summary>
    public string? Secret { get; set; }

    /// <summary>Refuse to start without a secret; the Functions app sets this when running in Azure.</summary>
    public bool RequireSecret { get; set; }

    /// <summary>How far a signature's timestamp may be from now, either way.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);
}

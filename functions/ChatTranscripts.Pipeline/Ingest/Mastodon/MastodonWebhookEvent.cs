namespace ChatTranscripts.Pipeline.Ingest.Mastodon;

/// <summary>A readable delivery: the post it carries, or why it carries nothing to store.</summary>
public sealed record MastodonWebhookEvent(string Type, CanonicalPost? Post, string? IgnoredBecause);

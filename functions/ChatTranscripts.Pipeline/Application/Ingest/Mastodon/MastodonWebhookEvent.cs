using ChatTranscripts.Pipeline.Core;
namespace ChatTranscripts.Pipeline.Application.Ingest.Mastodon;

/// <summary>A readable delivery: the post it carries, the post it withdraws, or why it carries nothing to store.</summary>
public sealed record MastodonWebhookEvent(string Type, CanonicalPost? Post, string? IgnoredBecause, PostDeletion? Deletion = null);

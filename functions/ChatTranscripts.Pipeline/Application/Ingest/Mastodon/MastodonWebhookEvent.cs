using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Hosting;
using ChatTranscripts.Pipeline.Http.Ingest;
using ChatTranscripts.Pipeline.Http.Ingest.Mastodon;
namespace ChatTranscripts.Pipeline.Application.Ingest.Mastodon;

/// <summary>A readable delivery: the post it carries, the post it withdraws, or why it carries nothing to store.</summary>
public sealed record MastodonWebhookEvent(string Type, CanonicalPost? Post, string? IgnoredBecause, PostDeletion? Deletion = null);

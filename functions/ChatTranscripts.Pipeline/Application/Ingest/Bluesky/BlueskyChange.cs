using ChatTranscripts.Pipeline.Core;
namespace ChatTranscripts.Pipeline.Application.Ingest.Bluesky;

/// <summary>What one Jetstream event asks for: a post to store (created or edited) or a post to forget.</summary>
public sealed record BlueskyChange(CanonicalPost? Post, PostDeletion? Deletion);

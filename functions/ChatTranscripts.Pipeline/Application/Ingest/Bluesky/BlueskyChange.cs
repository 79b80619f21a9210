using ChatTranscripts.Pipeline.Application.Ingest;
using ChatTranscripts.Pipeline.Application.Validation;
using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Hosting;
using ChatTranscripts.Pipeline.Http.Ingest;
using ChatTranscripts.Pipeline.Http.Ingest.Bluesky;
namespace ChatTranscripts.Pipeline.Application.Ingest.Bluesky;

/// <summary>What one Jetstream event asks for: a post to store (created or edited) or a post to forget.</summary>
public sealed record BlueskyChange(CanonicalPost? Post, PostDeletion? Deletion);

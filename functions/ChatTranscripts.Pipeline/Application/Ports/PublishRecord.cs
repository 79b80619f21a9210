using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>What one publish of a session put on the site: recorded so the next publish knows whether anything changed.</summary>
public sealed record PublishRecord(string Version, string Hash, DateTimeOffset At, int Posts, int Participants, TranscriptPhase Phase);

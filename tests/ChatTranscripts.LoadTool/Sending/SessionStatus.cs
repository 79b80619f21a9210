namespace ChatTranscripts.LoadTool.Sending;

/// <summary>The parts of <c>GET /api/sessions/{id}</c> the run reports.</summary>
internal sealed record SessionStatus(string Status, int PostCount, string? TranscriptUrl);

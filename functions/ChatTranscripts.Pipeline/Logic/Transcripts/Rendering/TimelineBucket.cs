namespace ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

/// <summary>How many posts fell in one interval of the timeline.</summary>
internal sealed record TimelineBucket(string StartIso, string StartTime, int Posts);

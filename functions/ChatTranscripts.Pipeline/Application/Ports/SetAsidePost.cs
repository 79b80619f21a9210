using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>A version of a post that storage refused to hold, and the reason it gave.</summary>
public sealed record SetAsidePost(CanonicalPost Post, string Version, string Reason);

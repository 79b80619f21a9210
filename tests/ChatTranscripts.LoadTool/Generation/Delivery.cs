namespace ChatTranscripts.LoadTool.Generation;

/// <summary>One post version to send; an edited post is delivered twice, both pointing at the same expected post.</summary>
internal sealed record Delivery(int PostIndex, WirePost Post);

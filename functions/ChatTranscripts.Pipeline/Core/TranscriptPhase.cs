namespace ChatTranscripts.Pipeline.Core;

/// <summary>What a published page is: a snapshot taken while the chat runs, one taken while late replies still arrive, or the final transcript.</summary>
public enum TranscriptPhase
{
    Live,
    Closing,
    Final,
}

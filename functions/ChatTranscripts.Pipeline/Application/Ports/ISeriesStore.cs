using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Series;

namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>What series pages are built from: each published session's participants, and each series page's inputs.</summary>
public interface ISeriesStore
{
    Task SaveParticipantsAsync(string sessionId, string publishHash, IReadOnlyList<TranscriptParticipant> participants, CancellationToken cancellationToken);

    /// <summary>The participants recorded for the session's publish <paramref name="publishHash"/>; not recorded when that publish left none.</summary>
    Task<(bool Recorded, IReadOnlyList<SeriesParticipant>? Participants)> LoadParticipantsAsync(
        string sessionId, string publishHash, CancellationToken cancellationToken);

    /// <summary>The fingerprint of the inputs each series page was last built from, by hashtag.</summary>
    Task<IReadOnlyDictionary<string, string>> LoadFingerprintsAsync(CancellationToken cancellationToken);

    Task SaveFingerprintAsync(string hashtag, string fingerprint, CancellationToken cancellationToken);
}

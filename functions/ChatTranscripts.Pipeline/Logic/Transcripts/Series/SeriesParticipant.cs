namespace ChatTranscripts.Pipeline.Logic.Transcripts.Series;

/// <summary>
/// Someone who took part in one session of a series, as its published transcript counts them: an author of shown posts
/// (hidden posts and blocked accounts left out), with the name of their latest post there and how many posts they made.
/// </summary>
public sealed record SeriesParticipant(string Platform, string Handle, string? DisplayName, int Posts)
{
    public static SeriesParticipant From(TranscriptParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return new(participant.Platform, participant.Handle, participant.DisplayName, participant.Posts);
    }
}

/// <summary>A published session of a series and who took part in it.</summary>
public sealed record SeriesSession(SiteIndexEntry Entry, IReadOnlyList<SeriesParticipant> Participants);

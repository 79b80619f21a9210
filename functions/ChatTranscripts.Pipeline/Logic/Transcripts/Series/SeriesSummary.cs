using ChatTranscripts.Pipeline.Core;
using ChatTranscripts.Pipeline.Logic.Transcripts.Rendering;

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Series;

/// <summary>
/// What a series page and feed say about a series: its sessions oldest first with their posts, participants and
/// returning participants, and the people who took part most often. A pure function of the sessions, in any order.
/// </summary>
/// <param name="Participants">Distinct people over the whole series (platform and handle, case-insensitive, as in a transcript).</param>
/// <param name="Returning">People who took part in more than one session.</param>
/// <param name="Regulars">The returning participants who took part most often, at most <see cref="RegularsShown"/>.</param>
public sealed record SeriesSummary(
    string Hashtag,
    IReadOnlyList<SeriesSessionSummary> Sessions,
    int Participants,
    int Returning,
    IReadOnlyList<SeriesRegular> Regulars)
{
    /// <summary>How many of the people who took part most often the page lists: enough for a weekly chat's regulars, short enough to read.</summary>
    public const int RegularsShown = 10;

    public static SeriesSummary Build(string hashtag, IEnumerable<SeriesSession> sessions)
    {
        var ordered = sessions
            .OrderBy(s => SessionClock.AsUtc(s.Entry.StartsAt))
            .ThenBy(s => s.Entry.Id, StringComparer.Ordinal)
            .ToList();
        var seen = new HashSet<AccountKey>();
        var people = new Dictionary<AccountKey, SeriesRegular>();
        var summaries = new List<SeriesSessionSummary>(ordered.Count);
        foreach (var session in ordered)
        {
            var returning = 0;
            // One entry per person even if a transcript spelled a handle two ways (it never does; a key is the safe unit).
            foreach (var participant in session.Participants.DistinctBy(Key))
            {
                var key = Key(participant);
                returning += seen.Add(key) ? 0 : 1;
                // Later sessions overwrite the handle's spelling and the name: the page shows each person as they last appeared.
                people[key] = people.TryGetValue(key, out var known)
                    ? new SeriesRegular(participant.Platform, participant.Handle, participant.DisplayName ?? known.DisplayName, known.Sessions + 1, known.Posts + participant.Posts)
                    : new SeriesRegular(participant.Platform, participant.Handle, participant.DisplayName, 1, participant.Posts);
            }
            summaries.Add(new SeriesSessionSummary(
                session.Entry,
                session.Participants.Sum(p => p.Posts),
                session.Participants.Count,
                returning));
        }
        var regulars = people.Values
            .Where(p => p.Sessions > 1)
            .OrderByDescending(p => p.Sessions)
            .ThenByDescending(p => p.Posts)
            .ThenBy(p => p.Handle, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Handle, StringComparer.Ordinal)
            .ThenBy(p => p.Platform, StringComparer.Ordinal)
            .ToList();
        return new SeriesSummary(hashtag, summaries, people.Count, regulars.Count, regulars.Take(RegularsShown).ToList());
    }

    private static AccountKey Key(SeriesParticipant participant) => new(participant.Platform, participant.Handle);
}

/// <summary>
/// One session of a series. <see cref="Posts"/> and <see cref="Participants"/> are its transcript's shown posts and
/// participants; <see cref="Returning"/> counts its participants who had taken part in an earlier session of the series.
/// </summary>
public sealed record SeriesSessionSummary(SiteIndexEntry Entry, int Posts, int Participants, int Returning);

/// <summary>Someone who took part in the series: in how many of its sessions, with how many posts in all.</summary>
public sealed record SeriesRegular(string Platform, string Handle, string? DisplayName, int Sessions, int Posts);

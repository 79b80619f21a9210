using ChatTranscripts.Pipeline.Logic.Transcripts;
using ChatTranscripts.Pipeline.Logic.Transcripts.Series;

namespace ChatTranscripts.Pipeline.Tests.Transcripts;

/// <summary>
/// What a series page says, from its sessions' participants: counts per session, who returned (had taken part in an
/// earlier session), and who took part most often; the same whatever order the sessions come in.
/// </summary>
public sealed class SeriesSummaryTests
{
    private static readonly DateTime Monday = new(2012, 8, 6, 12, 0, 0, DateTimeKind.Utc);

    private static SeriesSession Week(int week, params SeriesParticipant[] participants) => new(
        new SiteIndexEntry($"chat-week-{week}", $"Week {week}", ["bmcmed"], Monday.AddDays(7 * (week - 1)), "UTC", participants.Sum(p => p.Posts), participants.Length, $"chat-week-{week}/index.html"),
        participants);

    private static SeriesParticipant Person(string handle, int posts, string platform = "twitter", string? name = null) => new(platform, handle, name, posts);

    private static readonly SeriesSession[] ThreeWeeks =
    [
        Week(1, Person("moderator", 5), Person("alice", 2, name: "Alice A"), Person("bob", 1)),
        Week(2, Person("moderator", 4), Person("ALICE", 1), Person("carol", 6)),
        Week(3, Person("Moderator", 3), Person("bob", 2), Person("alice", 1, platform: "mastodon"), Person("dave", 1)),
    ];

    [Fact]
    public void Each_session_counts_its_posts_and_participants_and_those_who_had_taken_part_before()
    {
        var summary = SeriesSummary.Build("bmcmed", ThreeWeeks);

        // Week 2: the moderator and alice (another spelling) came back. Week 3: the moderator and bob did; alice on
        // Mastodon is another account than alice on X.
        Assert.Equal(
            [("chat-week-1", 8, 3, 0), ("chat-week-2", 11, 3, 2), ("chat-week-3", 7, 4, 2)],
            summary.Sessions.Select(s => (s.Entry.Id, s.Posts, s.Participants, s.Returning)));
        Assert.Equal(6, summary.Participants);
        Assert.Equal(3, summary.Returning);
    }

    [Fact]
    public void The_regulars_are_the_returning_participants_by_sessions_then_posts_as_they_last_appeared()
    {
        var summary = SeriesSummary.Build("bmcmed", ThreeWeeks);

        Assert.Equal(
            [("twitter", "Moderator", (string?)null, 3, 12), ("twitter", "ALICE", "Alice A", 2, 3), ("twitter", "bob", null, 2, 3)],
            summary.Regulars.Select(r => (r.Platform, r.Handle, r.DisplayName, r.Sessions, r.Posts)));
    }

    [Fact]
    public void The_order_the_sessions_come_in_changes_nothing()
    {
        var expected = SeriesSummary.Build("bmcmed", ThreeWeeks);

        var shuffled = SeriesSummary.Build("bmcmed", [ThreeWeeks[2], ThreeWeeks[0], ThreeWeeks[1]]);

        Assert.Equal(expected.Sessions, shuffled.Sessions);
        Assert.Equal(expected.Regulars, shuffled.Regulars);
    }

    [Fact]
    public void At_most_the_regulars_shown_are_listed_and_a_series_nobody_returned_to_lists_none()
    {
        var crowd = Enumerable.Range(0, SeriesSummary.RegularsShown + 5).Select(i => Person($"p{i:D2}", i + 1)).ToArray();

        var returned = SeriesSummary.Build("bmcmed", [Week(1, crowd), Week(2, crowd)]);
        var once = SeriesSummary.Build("bmcmed", [Week(1, crowd), Week(2, Person("newcomer", 1))]);

        Assert.Equal(SeriesSummary.RegularsShown + 5, returned.Returning);
        Assert.Equal(Enumerable.Range(5, SeriesSummary.RegularsShown).Reverse().Select(i => $"p{i:D2}"), returned.Regulars.Select(r => r.Handle));
        Assert.Empty(once.Regulars);
        Assert.Equal(0, once.Returning);
    }
}

namespace ChatTranscripts.Pipeline.Logic.Transcripts.Series;

/// <summary>What <c>series.liquid</c> shows.</summary>
internal sealed record SeriesPageModel(
    string Hashtag,
    int SessionCount,
    int Participants,
    int Returning,
    SeriesChartView? Chart,
    IReadOnlyList<SeriesSessionRow> Sessions,
    IReadOnlyList<SeriesRegularRow> Regulars,
    int RegularsShown,
    bool ShowPlatforms);

/// <summary>One session; <see cref="Link"/> is null when its path is not a safe link; <see cref="Badge"/> marks a snapshot.</summary>
internal sealed record SeriesSessionRow(
    string Title,
    string? Link,
    string StartIso,
    string StartDate,
    string? Badge,
    int Posts,
    int Participants,
    int Returning);

internal sealed record SeriesRegularRow(string Handle, string? DisplayName, string Platform, int Sessions, int Posts);

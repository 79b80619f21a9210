namespace ChatTranscripts.Pipeline.Logic.Transcripts;

/// <summary>A distinct link the shown posts shared, normalised (<see cref="Digest.LinkNormaliser"/>).</summary>
/// <param name="Posts">How many shown posts carry it; a post that gives it twice counts once.</param>
/// <param name="FirstShared">The first of those posts, in the transcript's post order.</param>
/// <param name="Question">The question whose section of the page the first post is in; null outside the questions.</param>
public sealed record TranscriptLink(string Url, int Posts, TranscriptShare FirstShared, int? Question);

/// <summary>A post that shared a link: enough to name its author and find it in <c>posts</c> and on the page.</summary>
public sealed record TranscriptShare(string PostId, string Platform, string Handle, DateTime CreatedAt);

namespace ChatTranscripts.Pipeline.Logic.Transcripts;

/// <summary>
/// A thread that drew replies: a post shown on its own in its section of the page (a question, an answer, a post that
/// replies to nothing shown) with the replies nested under it, at any depth.
/// </summary>
/// <param name="PostId">The post the thread starts with.</param>
/// <param name="Question">The question whose section the thread is in; null outside the questions.</param>
/// <param name="Replies">Shown posts nested under the first post.</param>
/// <param name="Repliers">Accounts other than the first post's author among those replies (platform and handle, case-insensitive).</param>
public sealed record TranscriptDiscussedThread(string PostId, string Platform, string Handle, int? Question, int Replies, int Repliers);

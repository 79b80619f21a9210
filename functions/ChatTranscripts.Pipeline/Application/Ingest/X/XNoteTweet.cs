using System.Text.Json;
using ChatTranscripts.Pipeline.Application.Validation;

namespace ChatTranscripts.Pipeline.Application.Ingest.X;

/// <summary>A long post (over 280 characters) carries its whole text in <c>note_tweet.text</c>; its own text is cut short.</summary>
internal static class XNoteTweet
{
    /// <summary>The note's text and its path, or null when the Tweet has no note.</summary>
    public static (string? Text, string Path)? Read(JsonElement tweet, string path, ValidationErrors errors)
    {
        if (!XFields.TryGet(tweet, "note_tweet", out var note) || note.ValueKind != JsonValueKind.Object || !XFields.TryGet(note, "text", out _))
        {
            return null;
        }
        var notePath = XFields.PathOf(path, "note_tweet");
        return (XFields.String(note, notePath, "text", required: true, errors), XFields.PathOf(notePath, "text"));
    }
}

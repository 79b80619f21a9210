namespace ChatTranscripts.Pipeline.Logic.Tagging;

/// <summary>
/// An extracted hashtag, mention or URL: <see cref="Value"/> as returned to callers, and the span
/// [<see cref="Start"/>, <see cref="End"/>) of text it covers, sign included, which decides overlaps.
/// </summary>
internal readonly record struct TextEntity(int Start, int End, string Value);

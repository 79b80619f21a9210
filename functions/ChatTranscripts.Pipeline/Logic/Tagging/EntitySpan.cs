namespace ChatTranscripts.Pipeline.Logic.Tagging;

/// <summary>
/// Where an entity sits in a post's text: [<see cref="Start"/>, <see cref="End"/>) in UTF-16 units, sign included;
/// <see cref="Value"/> as the extractors return it (no '#' or '@').
/// </summary>
public readonly record struct EntitySpan(EntityKind Kind, int Start, int End, string Value);

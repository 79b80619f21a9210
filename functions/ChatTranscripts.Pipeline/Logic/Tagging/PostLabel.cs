namespace ChatTranscripts.Pipeline.Logic.Tagging;

public enum LabelKind
{
    Question,
    Answer,
}

/// <summary>A "Q3" / "A2b" / "T1" label at the start of a post; <c>T</c> (topic) reads as a question.</summary>
public readonly record struct PostLabel(LabelKind Kind, int Number);

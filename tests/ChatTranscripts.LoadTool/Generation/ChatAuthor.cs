namespace ChatTranscripts.LoadTool.Generation;

/// <summary>Someone who posts in the generated chat, on one platform (replies stay on their parent's platform).</summary>
internal sealed record ChatAuthor(string Platform, string Handle, string? DisplayName)
{
    public bool Is(string handle) => string.Equals(Handle, handle, StringComparison.OrdinalIgnoreCase);
}

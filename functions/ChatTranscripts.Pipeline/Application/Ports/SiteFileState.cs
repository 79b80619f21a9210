namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>What the site holds at a path, as far as deciding whether to upload again needs: its headers and the MD5 the service keeps.</summary>
/// <param name="ContentHash">Empty when the service keeps none (a blob uploaded in blocks).</param>
public sealed record SiteFileState(string? ContentType, string? CacheControl, ReadOnlyMemory<byte> ContentHash);

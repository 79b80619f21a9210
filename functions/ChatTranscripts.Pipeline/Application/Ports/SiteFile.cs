namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>A file as the site serves it.</summary>
public sealed record SiteFile(BinaryData Content, string ContentType, string? CacheControl);

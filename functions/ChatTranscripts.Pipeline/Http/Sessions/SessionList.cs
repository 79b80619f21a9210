using System.ComponentModel;

namespace ChatTranscripts.Pipeline.Http.Sessions;

/// <summary>The answer to <c>GET /api/sessions</c>.</summary>
[Description("Every session, newest startsAt first.")]
public sealed record SessionList(IReadOnlyList<SessionResource> Sessions);

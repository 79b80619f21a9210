using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Queueing;
using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Application.Sessions;

/// <summary>Registers a session or changes its definition, and has the processor route its window again.</summary>
public sealed class SessionRegistration(IStorageProvisioning storage, ISessionStore sessions, IPostQueue queue)
{
    /// <summary>True when the session is new.</summary>
    public async Task<bool> DefineAsync(string id, SessionDefinition definition, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var created = await sessions.SaveDefinitionAsync(id, definition, cancellationToken);
        // Posts that arrived before the session (or before this change) are routed again by the processor.
        await queue.SendAsync(PipelineMessage.ForSession(id), cancellationToken);
        return created;
    }
}

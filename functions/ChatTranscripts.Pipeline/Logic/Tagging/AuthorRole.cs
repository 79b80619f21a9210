using ChatTranscripts.Pipeline.Core;

namespace ChatTranscripts.Pipeline.Logic.Tagging;

public enum AuthorRole
{
    Participant,
    Guest,
    Moderator,
}

public static class AuthorRoles
{
    /// <summary>By handle, case-insensitively; someone listed as both moderator and guest moderates.</summary>
    public static AuthorRole Of(string handle, SessionDefinition session) =>
        session.Moderators.Contains(handle, Handles.Comparer) ? AuthorRole.Moderator
        : session.Guests.Contains(handle, Handles.Comparer) ? AuthorRole.Guest
        : AuthorRole.Participant;

    public static string Name(AuthorRole role) => role switch
    {
        AuthorRole.Moderator => "moderator",
        AuthorRole.Guest => "guest",
        _ => "participant",
    };
}

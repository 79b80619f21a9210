using ChatTranscripts.Pipeline.Application.Ports;
using ChatTranscripts.Pipeline.Application.Publishing;
using ChatTranscripts.Pipeline.Application.Sessions;
using ChatTranscripts.Pipeline.Application.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatTranscripts.Pipeline.Http.Sessions;

/// <summary>The organisers' routes: register, read, list and publish sessions.</summary>
public sealed class SessionsEndpoints(
    IStorageProvisioning storage,
    ISessionStore sessions,
    SessionRegistration registration,
    TranscriptPublisher publisher,
    TimeProvider time,
    ILogger<SessionsEndpoints> logger)
{
    public async Task<IResult> PutAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (!SessionReader.IsValidId(id))
        {
            return InvalidId(id);
        }
        var (document, problem) = await JsonRequestBody.ReadDocumentAsync(request, checkRawBody: null, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var errors = new ValidationErrors();
            var definition = SessionReader.Read(document!.RootElement, errors);
            if (definition is null)
            {
                return ApiProblems.Validation(errors);
            }
            return await Guarded(async () =>
            {
                var created = await registration.DefineAsync(id, definition, cancellationToken);
                var resource = await ResourceAsync(id, cancellationToken);
                return created ? TypedResults.Created($"/api/sessions/{id}", resource) : TypedResults.Ok(resource);
            });
        }
    }

    public async Task<IResult> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!SessionReader.IsValidId(id))
        {
            return UnknownSession(id);
        }
        return await Guarded(async () =>
        {
            await storage.EnsureCreatedAsync(cancellationToken);
            return await ResourceAsync(id, cancellationToken) is { } resource ? TypedResults.Ok(resource) : UnknownSession(id);
        });
    }

    public Task<IResult> ListAsync(CancellationToken cancellationToken) => Guarded(async () =>
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var now = time.GetUtcNow();
        var all = (await sessions.ListAsync(cancellationToken))
            .OrderByDescending(s => s.Definition.StartsAt)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => SessionResource.From(s, now, publisher))
            .ToList();
        return TypedResults.Ok(new SessionList(all));
    });

    public async Task<IResult> PublishAsync(string id, CancellationToken cancellationToken)
    {
        if (!SessionReader.IsValidId(id))
        {
            return UnknownSession(id);
        }
        return await Guarded(async () =>
            await publisher.PublishAsync(id, cancellationToken) is { } session
                ? TypedResults.Accepted($"/api/sessions/{id}", SessionResource.From(session, time.GetUtcNow(), publisher))
                : UnknownSession(id));
    }

    private async Task<SessionResource?> ResourceAsync(string id, CancellationToken cancellationToken) =>
        await sessions.GetAsync(id, cancellationToken) is { } session ? SessionResource.From(session, time.GetUtcNow(), publisher) : null;

    private static IResult InvalidId(string id) =>
        ApiProblems.BadRequest("id", $"'{id}' is not a valid session id: use 3 to 64 lowercase letters, digits or '-', starting with a letter or digit.");

    private static IResult UnknownSession(string id) => ApiProblems.NotFound($"There is no session '{id}'.");

    private async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (InfrastructureFailure.Is(e))
        {
            logger.LogError(e, "Storage or queue unavailable");
            return ApiProblems.Unavailable("Storage is not reachable right now. Retry later.");
        }
    }
}

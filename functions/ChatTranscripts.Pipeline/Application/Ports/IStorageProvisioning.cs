namespace ChatTranscripts.Pipeline.Application.Ports;

/// <summary>Creates what the stores need (tables) before first use; cheap to call again once it has succeeded.</summary>
public interface IStorageProvisioning
{
    Task EnsureCreatedAsync(CancellationToken cancellationToken);
}

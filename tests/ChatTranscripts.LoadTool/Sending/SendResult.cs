using System.Net;

namespace ChatTranscripts.LoadTool.Sending;

/// <summary>How a request ended after its retries: the last status (null when the last attempt failed on the network), its body and the attempts made.</summary>
public sealed record SendResult(HttpStatusCode? Status, string? Body, int Attempts, Exception? Error = null)
{
    public bool IsSuccess => Status is { } status && (int)status is >= 200 and < 300;

    public int Retries => Attempts - 1;

    public override string ToString() =>
        Status is { } status
            ? $"{(int)status} {status} after {Attempts} attempt(s): {Body}"
            : $"no response after {Attempts} attempt(s): {Error?.Message}";
}

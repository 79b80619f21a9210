using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatTranscripts.LocalHost.Access;

/// <summary>
/// How the moderation log names the credential behind a local host's organiser request (<see cref="OrganiserTokenFilter"/>
/// has let it in by then). The token is named by the start of its SHA-256 digest: enough to tell a rotated token from the
/// one before it, nothing that helps guess it.
/// </summary>
public sealed class OrganiserCredential(IOptions<OrganiserAccessOptions> options)
{
    public string Name { get; } = string.IsNullOrEmpty(options.Value.OrganiserToken)
        ? "this machine (no organiser token configured)"
        : "organiser token sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.OrganiserToken)))[..8];
}

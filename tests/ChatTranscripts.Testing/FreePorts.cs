using System.Net;
using System.Net.Sockets;

namespace ChatTranscripts.Testing;

/// <summary>Loopback ports nothing listens on right now, so parallel test runs don't collide with each other or a developer's Azurite.</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}

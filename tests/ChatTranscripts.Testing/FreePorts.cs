using System.Net;
using System.Net.Sockets;

namespace ChatTranscripts.Testing;

/// <summary>Loopback ports nothing listens on right now, so parallel test runs don't collide with each other or a developer's Azurite.</summary>
public static class FreePorts
{
    /// <summary>
    /// Distinct ports the operating system just handed out. They are free when this returns; holding all listeners
    /// open until then keeps the same port from being handed out twice.
    /// </summary>
    public static int[] Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}

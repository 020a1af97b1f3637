using System.Net;
using System.Net.Sockets;

namespace JourneyPlugin.Testing;

/// <summary>
/// Ports for the servers and silos that tests and the benchmarks start, from below the kernel's
/// ephemeral range (Linux gives 32768–60999 to outgoing connections and to port 0, Windows
/// 49152–65535). A port asked of the kernel and released again can be taken by any outgoing
/// connection before the server binds it, and two such asks can even return the same port; these are
/// handed out once per process, from a random start so that processes side by side rarely meet, and
/// each is checked free when handed out.
/// </summary>
internal static class TestPorts
{
    private const int First = 20_000;
    private const int Count = 12_000;
    private static int _next = Random.Shared.Next(Count);

    /// <summary>A port nothing listens on now, not handed out before in this process.</summary>
    public static int Next()
    {
        for (var tried = 0; tried < Count; tried++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free port between {First} and {First + Count - 1}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
